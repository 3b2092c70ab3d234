package org.partnerflow.report;

import java.math.BigDecimal;

/** A report as the form submits it, unchecked. */
public record ReportInput(String periodStart, String periodEnd, String summary, String measures,
    BigDecimal moneyToDate, BigDecimal staffDaysToDate, String issues, String supportNeeded, Boolean personalData,
    String personalDataDescription) {
}
