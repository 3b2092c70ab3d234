package org.partnerflow.review;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.partnerflow.review.EvidencePack.SideFigures;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The evidence pack as one standalone HTML page (template {@code review/evidence-pack.html}): styles
 * inline, charts as inline SVG, nothing loaded from elsewhere, so it reads the same opened from a
 * mail attachment, offline, or printed. The template escapes every user text ({@code th:text}); only
 * the charts go in unescaped, and their text is escaped by the SVG writer.
 */
@Component
public final class EvidencePackPage {

  private static final Locale UK = Locale.UK;

  private final TemplateEngine engine = engine();

  public String html(EvidencePack pack) {
    Context context = new Context(UK);
    context.setVariable("pack", pack);
    context.setVariable("sides", pack.sides().stream().map(EvidencePackPage::side).toList());
    context.setVariable("glance", Glance.of(pack));
    List<String> organisations = pack.sides().stream().map(SideFigures::organisation).toList();
    context.setVariable("actionsChart", EvidenceCharts.actionsByMonth(pack.timeline(), organisations));
    context.setVariable("moneyChart", EvidenceCharts.plannedAgainstActual(pack.sides(), SideFigures::plannedMoney,
        SideFigures::actualMoney, "Money", "money"));
    context.setVariable("staffDaysChart", EvidenceCharts.plannedAgainstActual(pack.sides(),
        SideFigures::plannedStaffDays, SideFigures::actualStaffDays, "Staff days", "staff-days"));
    return engine.process("evidence-pack", context);
  }

  private static SideView side(SideFigures figures) {
    int done = figures.doneOnTime() + figures.doneLate();
    String onTimeShare = done == 0 ? null : Math.round(100.0 * figures.doneOnTime() / done) + "%";
    return new SideView("ours".equals(figures.side()) ? "Our organisation" : "Partner", figures, onTimeShare,
        List.of(cost("Money", figures.plannedMoney(), figures.actualMoney(), "#,##0.00"),
            cost("Staff days", figures.plannedStaffDays(), figures.actualStaffDays(), "#,##0.#")));
  }

  private static CostRow cost(String what, BigDecimal planned, BigDecimal actual, String pattern) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(UK));
    String difference;
    if (planned == null || actual == null) {
      difference = "—";
    } else {
      int sign = actual.compareTo(planned);
      String amount = format.format(actual.subtract(planned).abs());
      difference = sign == 0 ? "as planned" : amount + (sign > 0 ? " over plan" : " under plan");
    }
    return new CostRow(what, planned == null ? "not planned" : format.format(planned),
        actual == null ? "not reported" : format.format(actual), difference,
        planned != null && actual != null && actual.compareTo(planned) > 0);
  }

  private static TemplateEngine engine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("review/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    TemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  /** One organisation's section: its heading, its figures and its costs set out for the table. */
  record SideView(String heading, SideFigures figures, String onTimeShare, List<CostRow> costs) {
  }

  /** Planned against actual, formatted; {@code over} marks spending above the plan. */
  record CostRow(String what, String planned, String actual, String difference, boolean over) {
  }

  /** The figures at the top of the page, both organisations together. */
  record Glance(int actionsDone, int doneOnTime, int openOverdue, int reports, int informationIssues,
      long tasksFinishedLate) {

    static Glance of(EvidencePack pack) {
      List<SideFigures> sides = pack.sides();
      return new Glance(sides.stream().mapToInt(side -> side.doneOnTime() + side.doneLate()).sum(),
          sides.stream().mapToInt(SideFigures::doneOnTime).sum(),
          sides.stream().mapToInt(SideFigures::openOverdue).sum(),
          pack.reports().size(), pack.informationIssues().size(), pack.tasksFinishedLate());
    }
  }
}
