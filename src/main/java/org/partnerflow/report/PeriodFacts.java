package org.partnerflow.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the register knows of one organisation's agreed actions in a reporting period, and its
 * costs against plan: the facts a report starts from.
 *
 * @param due actions whose due date fell in the period
 * @param doneOnTime actions completed in the period by their due date
 * @param doneLate actions completed in the period after their due date
 * @param open actions due by the end of the period and not done
 * @param deviations "cannot do it on time" reports made in the period, with their reasons
 * @param plannedMoney the organisation's agreed costs in money
 * @param plannedStaffDays the organisation's agreed costs in staff days
 * @param moneyToDate its costs in money so far, as its last report gave them (0 before any)
 * @param staffDaysToDate its staff days so far, as its last report gave them (0 before any)
 */
public record PeriodFacts(LocalDate periodStart, LocalDate periodEnd, int due, int doneOnTime, int doneLate,
    int open, List<Deviation> deviations, BigDecimal plannedMoney, BigDecimal plannedStaffDays,
    BigDecimal moneyToDate, BigDecimal staffDaysToDate) {

  /** One recorded delay: which action, why, and the dates. */
  public record Deviation(String action, String reason, LocalDate from, LocalDate to) {
  }
}
