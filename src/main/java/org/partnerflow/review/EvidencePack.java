package org.partnerflow.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What actually happened in a partnership, gathered for its review from the register and the
 * engine's history: the aims and required outcomes; per organisation, the actions agreed and how
 * they ended, with every recorded delay and its reason, and the costs planned against those last
 * reported; the reports and feedback exchanged; and the information-handling issues.
 */
public record EvidencePack(String reference, String partnerName, String ourName, int agreementVersion,
    LocalDate from, LocalDate to, String aims, List<Outcome> outcomes, List<SideFigures> sides,
    List<ReportLine> reports, List<String> informationIssues, List<MonthPoint> timeline, long tasksFinishedLate) {

  /** A required outcome and how it is measured. */
  public record Outcome(String outcome, String measure) {
  }

  /** One organisation's record: actions and costs. {@code side} is "ours" or "partner". */
  public record SideFigures(String side, String organisation, int actionsAgreed, int doneOnTime, int doneLate,
      int openOverdue, int openNotYetDue, List<DeviationLine> deviations, BigDecimal plannedMoney,
      BigDecimal actualMoney, BigDecimal plannedStaffDays, BigDecimal actualStaffDays) {
  }

  /** A delay reported for an action, with its reason. */
  public record DeviationLine(String action, LocalDate from, LocalDate to, String reason) {
  }

  /** A report exchanged, and what became of the feedback on it. */
  public record ReportLine(String organisation, LocalDate periodStart, LocalDate periodEnd, String submittedBy,
      LocalDate submittedOn, String feedback) {
  }

  /** Actions completed in one month per organisation, on time and late: the chart's data. */
  public record MonthPoint(String month, String organisation, int onTime, int late) {
  }
}
