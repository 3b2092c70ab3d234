package org.partnerflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.partnerflow.review.EvidencePack.DeviationLine;
import org.partnerflow.review.EvidencePack.MonthPoint;
import org.partnerflow.review.EvidencePack.Outcome;
import org.partnerflow.review.EvidencePack.ReportLine;
import org.partnerflow.review.EvidencePack.SideFigures;

/** The evidence pack page, read back as a browser would parse it. */
class EvidencePackPageTest {

  private static final String HOSTILE = "<script>alert('x')</script>";

  private final EvidencePackPage page = new EvidencePackPage();

  @Test
  void thePageIsAStandaloneDocumentTitledForThePartnershipAndPeriod() {
    String html = page.html(seeded("Riverside Trust"));

    assertThat(html).startsWith("<!DOCTYPE html>");
    Document document = Jsoup.parse(html);
    assertThat(document.selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(document.selectFirst("meta[charset]").attr("charset")).isEqualTo("UTF-8");
    assertThat(document.title()).isEqualTo("Evidence for the review of Riverside Trust (PF-7)");
    assertThat(document.selectFirst("h1").text()).isEqualTo("Evidence for the review of Riverside Trust (PF-7)");
    assertThat(document.selectFirst("header").text()).contains("Agreement version 2 between Northfield Council "
        + "and Riverside Trust", "Period from 1 January 2025 to 30 June 2025");
    assertThat(document.select("link, script, img, [src], [href^=http]")).isEmpty();
  }

  @Test
  void eachOrganisationShowsItsActionsDelaysAndCostsAgainstThePlan() {
    Document document = Jsoup.parse(page.html(seeded("Riverside Trust")));

    Element ours = document.select(".organisation").get(0);
    assertThat(ours.selectFirst("h3").text()).isEqualTo("Northfield Council (Our organisation)");
    assertThat(cells(ours.select("table").get(0))).containsExactly("10", "6", "2", "1", "1", "75%");
    assertThat(cells(ours.select("table").get(1))).containsExactly("Publish the joint leaflet", "10 Feb 2025",
        "3 Mar 2025", "The printer went bust, and the new one needs a week");
    assertThat(rows(ours.select("table").get(2))).containsExactly(
        List.of("Money", "12,000.00", "13,250.50", "1,250.50 over plan"),
        List.of("Staff days", "40", "36.5", "3.5 under plan"));

    Element partner = document.select(".organisation").get(1);
    assertThat(cells(partner.select("table").get(0))).containsExactly("8", "5", "1", "0", "2", "83%");
    assertThat(partner.text()).contains("No delays were reported.");
    assertThat(rows(partner.select("table").get(1))).containsExactly(
        List.of("Money", "5,000.00", "not reported", "—"), List.of("Staff days", "20", "20", "as planned"));

    assertThat(document.selectFirst(".cards").text()).contains("11 of 14 actions done on time",
        "3 tasks finished after their due date");
  }

  @Test
  void theChartsAreInlineSvgWithTheirSeriesMonthsAndOrganisations() {
    Document document = Jsoup.parse(page.html(seeded("Riverside Trust")));

    List<Element> charts = document.select("figure svg");
    assertThat(charts).hasSize(3);
    Element actions = charts.get(0);
    assertThat(Double.parseDouble(actions.attr("width"))).isEqualTo(600);
    assertThat(Double.parseDouble(actions.attr("height"))).isEqualTo(300);
    assertThat(actions.select("text").eachText()).contains("Northfield Council: on time", "Northfield Council: late",
        "Riverside Trust: on time", "Riverside Trust: late", "Jan 2025", "Apr 2025", "May 2025");
    assertThat(charts.get(1).select("text").eachText())
        .contains("Planned", "Actual", "Northfield Council", "Riverside Trust", "12,000");
    assertThat(charts.get(2).select("text").eachText()).contains("Planned", "Actual", "40");
    // clip paths of one chart must not be taken for another's
    assertThat(document.select("svg [id]").eachAttr("id")).doesNotHaveDuplicates();
  }

  @Test
  void reportsInformationIssuesAndLateTasksAreListed() {
    Document document = Jsoup.parse(page.html(seeded("Riverside Trust")));

    assertThat(rows(document.selectFirst("#reports").parent().selectFirst("table"))).containsExactly(
        List.of("Northfield Council", "1 Jan 2025 – 31 Jan 2025", "Pat Morgan", "3 Feb 2025", "Clear and on time"),
        List.of("Riverside Trust", "1 Jan 2025 – 31 Mar 2025", "Lee Shah", "9 Apr 2025", "No feedback yet"));
    assertThat(document.selectFirst("#information").parent().select("li").eachText())
        .containsExactly("The contact list was kept two months longer than agreed");
    assertThat(document.selectFirst("#late-tasks").parent().text())
        .contains("3 tasks were finished after their due date.");
  }

  @Test
  void userTextIsEscapedEverywhereIncludingTheCharts() {
    EvidencePack seeded = seeded(HOSTILE);
    EvidencePack hostile = new EvidencePack("PF-7", HOSTILE, "Northfield Council", 2, seeded.from(), seeded.to(),
        HOSTILE, List.of(new Outcome(HOSTILE, HOSTILE)), seeded.sides(),
        List.of(new ReportLine(HOSTILE, seeded.from(), seeded.to(), HOSTILE, seeded.to(), HOSTILE)),
        List.of(HOSTILE), seeded.timeline(), 0);

    String html = page.html(hostile);

    assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
    Document document = Jsoup.parse(html);
    assertThat(document.select("script")).isEmpty();
    assertThat(document.title()).isEqualTo("Evidence for the review of " + HOSTILE + " (PF-7)");
    assertThat(document.selectFirst(".aims").text()).isEqualTo(HOSTILE);
    assertThat(document.select("figure svg text").eachText()).contains(HOSTILE + ": late");
  }

  @Test
  void anEmptyPackSaysSoInSentencesInsteadOfEmptyTablesAndCharts() {
    EvidencePack empty = new EvidencePack("PF-8", "Hillside School", "Northfield Council", 1,
        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "", List.of(), List.of(), List.of(), List.of(),
        List.of(), 0);

    Document document = Jsoup.parse(page.html(empty));

    assertThat(document.select("table, svg")).isEmpty();
    assertThat(document.text()).contains("No aims were recorded in the agreement.",
        "No required outcomes were agreed.", "No actions or costs were agreed for either organisation.",
        "No agreed action has been completed yet, so there is no chart of actions by month.",
        "No progress reports have been exchanged yet.",
        "None: no issue with the handling of shared information was recorded.",
        "No task was finished after its due date.");
  }

  @Test
  void anOrganisationWithoutActionsOrDelaysGetsSentences() {
    SideFigures idle = new SideFigures("partner", "Hillside School", 0, 0, 0, 0, 0, List.of(), null, null, null, null);
    EvidencePack pack = new EvidencePack("PF-8", "Hillside School", "Northfield Council", 1, LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 3, 31), "Share a library", List.of(), List.of(idle), List.of(), List.of(), List.of(), 1);

    Document document = Jsoup.parse(page.html(pack));

    Element section = document.selectFirst(".organisation");
    assertThat(section.text()).contains("No actions were agreed for this organisation.", "No delays were reported.");
    assertThat(rows(section.selectFirst("table"))).containsExactly(
        List.of("Money", "not planned", "not reported", "—"),
        List.of("Staff days", "not planned", "not reported", "—"));
    assertThat(document.select("figure svg")).isEmpty();
    assertThat(document.selectFirst("#late-tasks").parent().text()).contains("1 task was finished after its due date.");
  }

  /** Writes the seeded pack where a person can open it: target/evidence-pack-sample.html. */
  @Test
  void theSeededPackIsWrittenAsASampleToLookAt() throws IOException {
    Path sample = Path.of("target", "evidence-pack-sample.html");
    Files.createDirectories(sample.getParent());
    Files.writeString(sample, page.html(seeded("Riverside Trust")), StandardCharsets.UTF_8);

    assertThat(Jsoup.parse(sample.toFile()).select("figure svg")).hasSize(3);
  }

  static EvidencePack seeded(String partner) {
    SideFigures ours = new SideFigures("ours", "Northfield Council", 10, 6, 2, 1, 1,
        List.of(new DeviationLine("Publish the joint leaflet", LocalDate.of(2025, 2, 10), LocalDate.of(2025, 3, 3),
            "The printer went bust, and the new one needs a week")),
        new BigDecimal("12000"), new BigDecimal("13250.50"), new BigDecimal("40"), new BigDecimal("36.5"));
    SideFigures theirs = new SideFigures("partner", partner, 8, 5, 1, 0, 2, List.of(), new BigDecimal("5000"), null,
        new BigDecimal("20"), new BigDecimal("20.0"));
    List<MonthPoint> timeline = List.of(
        new MonthPoint("2025-01", "Northfield Council", 2, 0), new MonthPoint("2025-01", partner, 1, 0),
        new MonthPoint("2025-02", "Northfield Council", 3, 1), new MonthPoint("2025-03", partner, 3, 1),
        new MonthPoint("2025-03", "Northfield Council", 1, 0), new MonthPoint("2025-05", "Northfield Council", 0, 1),
        new MonthPoint("2025-05", partner, 1, 0));
    return new EvidencePack("PF-7", partner, "Northfield Council", 2, LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 6, 30), "Reach more families in the north of the borough.\nShare one advice line.",
        List.of(new Outcome("200 families advised", "Advice line log, monthly"),
            new Outcome("One shared leaflet", "Published and distributed")),
        List.of(ours, theirs),
        List.of(new ReportLine("Northfield Council", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), "Pat Morgan",
                LocalDate.of(2025, 2, 3), "Clear and on time"),
            new ReportLine(partner, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "Lee Shah",
                LocalDate.of(2025, 4, 9), null)),
        List.of("The contact list was kept two months longer than agreed"), timeline, 3);
  }

  private static List<String> cells(Element table) {
    return table.select("tbody td").eachText();
  }

  private static List<List<String>> rows(Element table) {
    return table.select("tbody tr").stream().map(row -> row.select("th, td").eachText()).toList();
  }
}
