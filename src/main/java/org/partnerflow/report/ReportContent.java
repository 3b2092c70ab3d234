package org.partnerflow.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an organisation says in its report, checked: the period it covers, what was done, the
 * measures, its costs so far in money and staff days, issues, the support it needs, and whether
 * the report carries personal data (then data protection looks at it).
 */
public record ReportContent(LocalDate periodStart, LocalDate periodEnd, String summary, String measures,
    BigDecimal moneyToDate, BigDecimal staffDaysToDate, String issues, String supportNeeded,
    boolean personalData, String personalDataDescription) {
}
