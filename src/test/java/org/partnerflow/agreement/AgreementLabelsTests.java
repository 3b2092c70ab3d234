package org.partnerflow.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partnerflow.agreement.AgreementTerms.LawfulBasis;

class AgreementLabelsTests {

  @Test
  void periodsReadAsWords() {
    assertThat(AgreementLabels.every(Period.parse("P1M"))).isEqualTo("every month");
    assertThat(AgreementLabels.every(Period.parse("P3M"))).isEqualTo("every 3 months");
    assertThat(AgreementLabels.every(Period.parse("P2W"))).isEqualTo("every 2 weeks");
    assertThat(AgreementLabels.every(Period.parse("P12M"))).isEqualTo("every year");
    assertThat(AgreementLabels.length(Period.parse("P2Y"))).isEqualTo("2 years");
    assertThat(AgreementLabels.length(Period.parse("P10D"))).isEqualTo("10 days");
    assertThat(AgreementLabels.length(Period.parse("P1Y6M"))).isEqualTo("P1Y6M");
  }

  @Test
  void codesReadAsWordsAndSidesAsNames() {
    assertThat(AgreementLabels.words(LawfulBasis.LEGITIMATE_INTERESTS)).isEqualTo("legitimate interests");
    assertThat(AgreementLabels.withNames(List.of(Map.of("owner", "ours", "title", "A"),
        Map.of("owner", "partner", "title", "B")), "owner", "Northshire Council", "Riverbank Arts"))
        .extracting(row -> row.get("owner")).containsExactly("Northshire Council", "Riverbank Arts");
  }
}
