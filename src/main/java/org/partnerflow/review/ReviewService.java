package org.partnerflow.review;

import static org.partnerflow.system.InputCheck.choice;
import static org.partnerflow.system.InputCheck.optionalText;
import static org.partnerflow.system.InputCheck.text;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.partnerflow.action.ActionDeviation;
import org.partnerflow.action.ActionRecord;
import org.partnerflow.action.ActionService;
import org.partnerflow.agreement.AgreedCost;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementVersion;
import org.partnerflow.agreement.Side;
import org.partnerflow.information.InformationItem;
import org.partnerflow.information.InformationService;
import org.partnerflow.register.Partnership;
import org.partnerflow.report.ProgressReport;
import org.partnerflow.report.ReportFeedback;
import org.partnerflow.report.ReportService;
import org.partnerflow.review.EvidencePack.DeviationLine;
import org.partnerflow.review.EvidencePack.MonthPoint;
import org.partnerflow.review.EvidencePack.Outcome;
import org.partnerflow.review.EvidencePack.ReportLine;
import org.partnerflow.review.EvidencePack.SideFigures;
import org.partnerflow.review.ReviewRecord.Decision;
import org.partnerflow.review.ReviewRecord.Extent;
import org.partnerflow.system.InvalidInputException;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcome 9 of the standard: the partnership is reviewed at the agreed times, on the evidence of
 * what actually happened, and the review's decision is kept with what it found.
 */
@Service
@Transactional
public class ReviewService {

  private final ReviewRecordRepository reviews;
  private final AgreementService agreements;
  private final ActionService actions;
  private final ReportService reports;
  private final InformationService information;
  private final Clock clock;
  private final String ourName;
  private final String calendarDomain;

  ReviewService(ReviewRecordRepository reviews, AgreementService agreements, ActionService actions,
      ReportService reports, InformationService information, Clock clock, PartnerflowProperties properties) {
    this.reviews = reviews;
    this.agreements = agreements;
    this.actions = actions;
    this.reports = reports;
    this.information = information;
    this.clock = clock;
    this.ourName = properties.organisationName();
    this.calendarDomain = java.net.URI.create(properties.baseUrl()).getHost();
  }

  /** The partnership's next review, meeting at the given time; its calendar UID never changes. */
  public ReviewRecord schedule(String reference, Instant meetingStart, int minutes) {
    AgreementVersion agreement = currentAgreement(reference);
    Partnership partnership = agreement.getPartnership();
    int number = reviews.findFirstByPartnershipIdOrderByNumberDesc(partnership.getId())
        .map(ReviewRecord::getNumber).orElse(0) + 1;
    String uid = "review-" + number + "-" + reference.toLowerCase(java.util.Locale.ROOT) + "@" + calendarDomain;
    return reviews.save(new ReviewRecord(partnership, agreement.getVersion(), number, meetingStart, minutes, uid));
  }

  /** A new time for the meeting, in the future; the calendar event is updated, not duplicated. */
  public ReviewRecord reschedule(Long id, String newStart) {
    ReviewRecord review = find(id);
    Instant start = dateTime("newMeetingStart", "The new date and time", newStart);
    if (!start.isAfter(Instant.now(clock))) {
      throw new InvalidInputException("newMeetingStart", "The new date and time must be in the future, not " + start
          + ".");
    }
    review.reschedule(start);
    return review;
  }

  public void attachEvidence(Long id, String html) {
    find(id).attachEvidence(html);
  }

  /** Keeps what the review found and decided; refuses an empty decision and an amendment without a change. */
  public ReviewRecord hold(Long id, ReviewInput input, String by) {
    ReviewRecord review = find(id);
    if (input.decision() == null || input.decision().isBlank()) {
      throw new InvalidInputException("reviewDecision", "Choose the decision: continue, amend the agreement, or end "
          + "the partnership.");
    }
    Decision decision = choice("reviewDecision", "The decision", input.decision(), Decision.class);
    String changes = optionalText("reviewChanges", "The changes to make", input.changes(), 4000);
    if (decision == Decision.AMEND && changes == null) {
      throw new InvalidInputException("reviewChanges", "Say what to change in the agreement: an amendment without a "
          + "change is refused.");
    }
    review.hold(new ReviewFindings(
        choice("aimsAchieved", "How far the aims were achieved", input.aimsAchieved(), Extent.class),
        optionalText("aimsNote", "About the aims", input.aimsNote(), 4000),
        text("actionsAndDeviations", "Actions and deviations", input.actionsAndDeviations(), 4000),
        text("failuresAndCauses", "Failures or mistakes and their causes", input.failuresAndCauses(), 4000),
        optionalText("avoidingFailures", "How to avoid them", input.avoidingFailures(), 4000),
        text("costsAndSavings", "Costs and how to reduce them", input.costsAndSavings(), 4000),
        text("benefitsAndGrowth", "Benefits, their value and how to increase them", input.benefitsAndGrowth(), 4000),
        choice("ourExpectationsMet", "How far our expectations were met", input.ourExpectationsMet(), Extent.class),
        choice("partnerExpectationsMet", "How far the partner's expectations were met", input.partnerExpectationsMet(),
            Extent.class),
        optionalText("expectationsNote", "About the expectations", input.expectationsNote(), 4000),
        changes, decision,
        text("decisionReason", "The reason for the decision", input.decisionReason(), 4000)),
        text("heldBy", "Who held the review", by, 128), Instant.now(clock));
    return review;
  }

  public ReviewRecord confirmByPartner(Long id, String by, String comment) {
    ReviewRecord review = find(id);
    review.confirmByPartner(text("confirmedBy", "Who confirms", by, 128), Instant.now(clock),
        optionalText("reviewComment", "Your comment", comment, 4000));
    return review;
  }

  @Transactional(readOnly = true)
  public ReviewRecord find(Long id) {
    return reviews.findById(id).orElseThrow(() -> new IllegalStateException("No review " + id));
  }

  @Transactional(readOnly = true)
  public List<ReviewRecord> ofPartnership(Long partnershipId) {
    return reviews.findByPartnershipIdOrderByNumber(partnershipId);
  }

  /**
   * What happened, from the register: per organisation the actions and how they ended, the delays
   * with their reasons, costs planned against the last reported; reports and feedback; information
   * issues. {@code tasksFinishedLate} comes from the engine's history, which this service does not read.
   */
  @Transactional(readOnly = true)
  public EvidencePack evidence(String reference, long tasksFinishedLate) {
    AgreementVersion agreement = currentAgreement(reference);
    Partnership partnership = agreement.getPartnership();
    Long id = partnership.getId();
    String partnerName = partnership.getOrganisation().getName();
    LocalDate today = LocalDate.now(clock);
    List<ActionRecord> all = actions.ofPartnership(id);
    List<ProgressReport> exchanged = reports.reports(id);
    List<ActionDeviation> delays = actions.deviationsOfPartnership(id);
    List<SideFigures> sides = new ArrayList<>();
    for (Side side : Side.values()) {
      String name = side == Side.OURS ? ourName : partnerName;
      List<ActionRecord> own = all.stream().filter(action -> action.getOwner() == side).toList();
      List<AgreedCost> planned = agreement.terms().costs().stream().filter(cost -> cost.organisation() == side)
          .toList();
      Optional<ProgressReport> last = exchanged.stream().filter(report -> report.getSide() == side)
          .reduce((first, second) -> second);
      sides.add(new SideFigures(side == Side.OURS ? "ours" : "partner", name, own.size(),
          (int) own.stream().filter(action -> Boolean.TRUE.equals(action.getOnTime())).count(),
          (int) own.stream().filter(action -> Boolean.FALSE.equals(action.getOnTime())).count(),
          (int) own.stream().filter(action -> action.getStatus() == ActionRecord.Status.OPEN
              && action.getDueDate().isBefore(today)).count(),
          (int) own.stream().filter(action -> action.getStatus() == ActionRecord.Status.OPEN
              && !action.getDueDate().isBefore(today)).count(),
          delays.stream().filter(deviation -> deviation.getAction().getOwner() == side)
              .map(deviation -> new DeviationLine(deviation.getAction().getTitle(), deviation.getPreviousDueDate(),
                  deviation.getNewDueDate(), deviation.getReason())).toList(),
          planned.stream().map(AgreedCost::money).reduce(BigDecimal.ZERO, BigDecimal::add),
          last.map(ProgressReport::getMoneyToDate).orElse(null),
          planned.stream().map(AgreedCost::staffDays).reduce(BigDecimal.ZERO, BigDecimal::add),
          last.map(ProgressReport::getStaffDaysToDate).orElse(null)));
    }
    List<ReportFeedback> feedback = reports.feedback(id);
    List<ReportLine> reportLines = exchanged.stream().map(report -> new ReportLine(
        report.getSide() == Side.OURS ? ourName : partnerName, report.getPeriodStart(), report.getPeriodEnd(),
        report.getSubmittedBy(), report.getSubmittedAt().atZone(ZoneOffset.UTC).toLocalDate(),
        feedbackOn(report, feedback))).toList();
    LocalDate from = agreements.versions(reference).get(0).getConfirmedAt().atZone(ZoneOffset.UTC).toLocalDate();
    return new EvidencePack(reference, partnerName, ourName, agreement.getVersion(), from, today,
        agreement.terms().aims(),
        agreement.terms().outcomes().stream().map(outcome -> new Outcome(outcome.description(), outcome.measure()))
            .toList(),
        sides, reportLines, informationIssues(id, today), timeline(all, partnerName), tasksFinishedLate);
  }

  private String feedbackOn(ProgressReport report, List<ReportFeedback> feedback) {
    if (report.getSide() == Side.OURS) {
      return "our report";
    }
    return feedback.stream().filter(given -> given.getReport().getId().equals(report.getId())).findFirst()
        .map(given -> given.getAcknowledgedBy() == null ? "feedback given, not yet acknowledged"
            : "feedback acknowledged by " + given.getAcknowledgedBy())
        .orElse("no feedback yet");
  }

  private List<String> informationIssues(Long partnershipId, LocalDate today) {
    List<String> issues = new ArrayList<>();
    for (InformationItem item : information.ofPartnership(partnershipId)) {
      String what = "'" + item.getDescription() + "'";
      switch (item.getStatus()) {
        case REFUSED -> issues.add(what + " was refused by data protection: " + item.getReviewNote());
        case UNDER_REVIEW -> issues.add(what + " is awaiting data protection's review");
        case WITHDRAWN -> issues.add(what + " was withdrawn and returned to the partner");
        default -> { }
      }
      if (item.getOutsideArrangements() != null) {
        issues.add(what + ": " + item.getOutsideArrangements());
      }
      boolean kept = item.getStatus() == InformationItem.Status.KEPT
          || item.getStatus() == InformationItem.Status.ACCEPTED
          || item.getStatus() == InformationItem.Status.ACCEPTED_WITH_CONDITIONS;
      if (kept && item.getDeletionDue().isBefore(today)) {
        issues.add(what + " was due for deletion on " + item.getDeletionDue() + " and is still kept");
      }
    }
    return issues;
  }

  private List<MonthPoint> timeline(List<ActionRecord> all, String partnerName) {
    Map<String, int[]> counts = new TreeMap<>();
    for (ActionRecord action : all) {
      if (action.getDoneOn() == null) {
        continue;
      }
      String key = action.getDoneOn().toString().substring(0, 7) + "|" + (action.getOwner() == Side.OURS ? ourName
          : partnerName);
      int[] count = counts.computeIfAbsent(key, ignored -> new int[2]);
      count[Boolean.TRUE.equals(action.getOnTime()) ? 0 : 1]++;
    }
    return counts.entrySet().stream().map(entry -> {
      String[] parts = entry.getKey().split("\\|", 2);
      return new MonthPoint(parts[0], parts[1], entry.getValue()[0], entry.getValue()[1]);
    }).toList();
  }

  private AgreementVersion currentAgreement(String reference) {
    return agreements.current(reference)
        .orElseThrow(() -> new IllegalStateException(reference + " has no agreement in force"));
  }

  private static Instant dateTime(String field, String label, String value) {
    String text = text(field, label, value, 40);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(field, label + " must be a date and time such as 2027-03-31T10:00.");
      }
    }
  }
}
