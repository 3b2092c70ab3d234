package org.partnerflow.report;

import static org.partnerflow.system.InputCheck.optionalText;
import static org.partnerflow.system.InputCheck.text;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.partnerflow.action.ActionDeviation;
import org.partnerflow.action.ActionRecord;
import org.partnerflow.action.ActionService;
import org.partnerflow.agreement.AgreedCost;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementVersion;
import org.partnerflow.agreement.Side;
import org.partnerflow.register.Partnership;
import org.partnerflow.report.PeriodFacts.Deviation;
import org.partnerflow.system.InputCheck;
import org.partnerflow.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcomes 6 and 7 of the standard: each organisation reports on the agreed cycle from the facts
 * the register holds; we give the partner feedback on their reports and they acknowledge it.
 */
@Service
@Transactional
public class ReportService {

  private static final BigDecimal MAX_MONEY = new BigDecimal("1000000000");
  private static final BigDecimal MAX_DAYS = new BigDecimal("100000");

  private final ProgressReportRepository reports;
  private final ReportFeedbackRepository feedback;
  private final AgreementService agreements;
  private final ActionService actions;
  private final Clock clock;

  ReportService(ProgressReportRepository reports, ReportFeedbackRepository feedback, AgreementService agreements,
      ActionService actions, Clock clock) {
    this.reports = reports;
    this.feedback = feedback;
    this.agreements = agreements;
    this.actions = actions;
    this.clock = clock;
  }

  /**
   * The period a report due today covers: from the day after the side's last reported period (or
   * the day the agreement came into force) to yesterday.
   */
  @Transactional(readOnly = true)
  public PeriodFacts factsForPeriodEndingToday(String reference, Side side) {
    AgreementVersion agreement = currentAgreement(reference);
    LocalDate end = LocalDate.now(clock).minusDays(1);
    LocalDate start = reports.findFirstByPartnershipIdAndSideOrderByPeriodEndDesc(
        agreement.getPartnership().getId(), side).map(last -> last.getPeriodEnd().plusDays(1))
        .orElse(agreement.getConfirmedAt().atZone(ZoneOffset.UTC).toLocalDate());
    return facts(reference, side, start.isAfter(end) ? end : start, end);
  }

  /** What the register knows of the side's actions in the period, and its costs against plan. */
  @Transactional(readOnly = true)
  public PeriodFacts facts(String reference, Side side, LocalDate start, LocalDate end) {
    AgreementVersion agreement = currentAgreement(reference);
    Long partnershipId = agreement.getPartnership().getId();
    List<ActionRecord> own = actions.ofPartnership(partnershipId).stream()
        .filter(action -> action.getOwner() == side).toList();
    int due = (int) own.stream().filter(action -> within(action.getDueDate(), start, end)).count();
    List<ActionRecord> doneInPeriod = own.stream()
        .filter(action -> action.getDoneOn() != null && within(action.getDoneOn(), start, end)).toList();
    int onTime = (int) doneInPeriod.stream().filter(ActionRecord::getOnTime).count();
    int open = (int) own.stream().filter(action -> action.getStatus() == ActionRecord.Status.OPEN
        && !action.getDueDate().isAfter(end)).count();
    List<Deviation> deviations = actions.deviationsOfPartnership(partnershipId).stream()
        .filter(deviation -> deviation.getAction().getOwner() == side)
        .filter(deviation -> within(deviation.getReportedAt().atZone(ZoneOffset.UTC).toLocalDate(), start, end))
        .map(ReportService::deviation).toList();
    List<AgreedCost> planned = agreement.terms().costs().stream().filter(cost -> cost.organisation() == side)
        .toList();
    Optional<ProgressReport> last = reports.findFirstByPartnershipIdAndSideOrderByPeriodEndDesc(partnershipId, side);
    return new PeriodFacts(start, end, due, onTime, doneInPeriod.size() - onTime, open, deviations,
        planned.stream().map(AgreedCost::money).reduce(BigDecimal.ZERO, BigDecimal::add),
        planned.stream().map(AgreedCost::staffDays).reduce(BigDecimal.ZERO, BigDecimal::add),
        last.map(ProgressReport::getMoneyToDate).orElse(BigDecimal.ZERO),
        last.map(ProgressReport::getStaffDaysToDate).orElse(BigDecimal.ZERO));
  }

  /**
   * Keeps a report, with the facts of its period as they are now. Refuses a period that is not a
   * period (end before start, end in the future) and one that overlaps a period the side reported.
   */
  public ProgressReport record(String reference, Side side, ReportInput input, String submittedBy) {
    AgreementVersion agreement = currentAgreement(reference);
    Partnership partnership = agreement.getPartnership();
    ReportContent content = check(input);
    List<ProgressReport> overlapping = reports
        .findByPartnershipIdAndSideAndPeriodStartLessThanEqualAndPeriodEndGreaterThanEqual(partnership.getId(), side,
            content.periodEnd(), content.periodStart());
    if (!overlapping.isEmpty()) {
      ProgressReport earlier = overlapping.get(0);
      throw new InvalidInputException("periodStart", "The period " + earlier.getPeriodStart() + " to "
          + earlier.getPeriodEnd() + " was reported already on "
          + earlier.getSubmittedAt().atZone(ZoneOffset.UTC).toLocalDate() + " by " + earlier.getSubmittedBy()
          + "; choose the period after it.");
    }
    PeriodFacts facts = facts(reference, side, content.periodStart(), content.periodEnd());
    return reports.save(new ProgressReport(partnership, agreement.getVersion(), side, facts, content,
        text("submittedBy", "Who sends the report", submittedBy, 128), Instant.now(clock)));
  }

  public ReportFeedback giveFeedback(Long reportId, FeedbackContent content, String givenBy) {
    ProgressReport report = find(reportId);
    if (feedback.findByReportId(reportId).isPresent()) {
      throw new InvalidInputException("wentWell", "This report has feedback already.");
    }
    FeedbackContent checked = new FeedbackContent(
        text("wentWell", "What went well", content.wentWell(), 4000),
        text("couldImprove", "What could improve", content.couldImprove(), 4000),
        optionalText("supportOffered", "The support we offer", content.supportOffered(), 4000),
        text("progressTowardsAims", "Progress towards the shared aims", content.progressTowardsAims(), 4000),
        text("nextMilestones", "The next milestones", content.nextMilestones(), 4000));
    return feedback.save(new ReportFeedback(report, checked, text("givenBy", "Who gives the feedback", givenBy, 128),
        Instant.now(clock)));
  }

  public ReportFeedback acknowledge(Long feedbackId, String by, String comment) {
    ReportFeedback given = feedback.findById(feedbackId)
        .orElseThrow(() -> new IllegalStateException("No feedback " + feedbackId));
    given.acknowledge(text("acknowledgedBy", "Who acknowledges", by, 128), Instant.now(clock),
        optionalText("feedbackComment", "Your comment", comment, 4000));
    return given;
  }

  @Transactional(readOnly = true)
  public ProgressReport find(Long id) {
    return reports.findById(id).orElseThrow(() -> new IllegalStateException("No progress report " + id));
  }

  /** Every report of the partnership, both ways, in period order. */
  @Transactional(readOnly = true)
  public List<ProgressReport> reports(Long partnershipId) {
    return reports.findByPartnershipIdOrderByPeriodEndAscIdAsc(partnershipId);
  }

  @Transactional(readOnly = true)
  public List<ReportFeedback> feedback(Long partnershipId) {
    return feedback.findByReportPartnershipIdOrderById(partnershipId);
  }

  private ReportContent check(ReportInput input) {
    LocalDate today = LocalDate.now(clock);
    LocalDate start = InputCheck.date("periodStart", "The start of the period", input.periodStart(),
        LocalDate.MIN, "");
    LocalDate end = InputCheck.date("periodEnd", "The end of the period", input.periodEnd(), start,
        "cannot be before its start.");
    if (end.isAfter(today)) {
      throw new InvalidInputException("periodEnd", "The end of the period cannot be in the future: a report covers "
          + "what has happened.");
    }
    boolean personal = Boolean.TRUE.equals(input.personalData());
    String personalDescription = optionalText("personalDataDescription", "What personal data it holds",
        input.personalDataDescription(), 4000);
    if (personal && personalDescription == null) {
      throw new InvalidInputException("personalDataDescription", "Say what personal data the report holds, so "
          + "data protection can review it.");
    }
    return new ReportContent(start, end,
        text("summary", "What was done", input.summary(), 4000),
        optionalText("measures", "Measures and indicators", input.measures(), 4000),
        InputCheck.amount("moneyToDate", "The money spent so far", input.moneyToDate(), MAX_MONEY),
        InputCheck.amount("staffDaysToDate", "The staff days spent so far", input.staffDaysToDate(), MAX_DAYS),
        optionalText("issues", "Issues", input.issues(), 4000),
        optionalText("supportNeeded", "The support needed", input.supportNeeded(), 4000),
        personal, personalDescription);
  }

  private AgreementVersion currentAgreement(String reference) {
    return agreements.current(reference)
        .orElseThrow(() -> new IllegalStateException(reference + " has no agreement in force"));
  }

  private static boolean within(LocalDate day, LocalDate start, LocalDate end) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  private static Deviation deviation(ActionDeviation deviation) {
    return new Deviation(deviation.getAction().getTitle(), deviation.getReason(), deviation.getPreviousDueDate(),
        deviation.getNewDueDate());
  }
}
