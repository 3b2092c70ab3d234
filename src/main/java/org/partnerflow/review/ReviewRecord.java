package org.partnerflow.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.partnerflow.register.Partnership;
import org.partnerflow.system.InvalidInputException;

/**
 * One review of a partnership (outcome 9 of the standard): when it meets, the evidence it was held
 * on, what it found, what it decided, and whether the partner confirmed the record.
 */
@Entity
public class ReviewRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  private Partnership partnership;
  private int agreementVersion;
  private int number;
  private Instant meetingStart;
  private int meetingMinutes;
  private String calendarUid;
  private int calendarSequence;
  @Enumerated(EnumType.STRING)
  private Status status;
  @Column(length = 1_000_000)
  private String evidenceHtml;
  @Enumerated(EnumType.STRING)
  private Extent aimsAchieved;
  private String aimsNote;
  private String actionsAndDeviations;
  private String failuresAndCauses;
  private String avoidingFailures;
  private String costsAndSavings;
  private String benefitsAndGrowth;
  @Enumerated(EnumType.STRING)
  private Extent ourExpectationsMet;
  @Enumerated(EnumType.STRING)
  private Extent partnerExpectationsMet;
  private String expectationsNote;
  private String changes;
  @Enumerated(EnumType.STRING)
  private Decision decision;
  private String decisionReason;
  private String heldBy;
  private Instant heldAt;
  private String partnerConfirmedBy;
  private Instant partnerConfirmedAt;
  private String partnerComment;

  protected ReviewRecord() {
  }

  ReviewRecord(Partnership partnership, int agreementVersion, int number, Instant meetingStart, int meetingMinutes,
      String calendarUid) {
    this.partnership = partnership;
    this.agreementVersion = agreementVersion;
    this.number = number;
    this.meetingStart = meetingStart;
    this.meetingMinutes = meetingMinutes;
    this.calendarUid = calendarUid;
    this.calendarSequence = 0;
    this.status = Status.SCHEDULED;
  }

  /** A new time for the same meeting: calendars update the event because its sequence goes up. */
  void reschedule(Instant newStart) {
    requireStatus(Status.SCHEDULED);
    this.meetingStart = newStart;
    this.calendarSequence++;
  }

  void attachEvidence(String html) {
    this.evidenceHtml = html;
  }

  void hold(ReviewFindings findings, String by, Instant at) {
    requireStatus(Status.SCHEDULED);
    this.aimsAchieved = findings.aimsAchieved();
    this.aimsNote = findings.aimsNote();
    this.actionsAndDeviations = findings.actionsAndDeviations();
    this.failuresAndCauses = findings.failuresAndCauses();
    this.avoidingFailures = findings.avoidingFailures();
    this.costsAndSavings = findings.costsAndSavings();
    this.benefitsAndGrowth = findings.benefitsAndGrowth();
    this.ourExpectationsMet = findings.ourExpectationsMet();
    this.partnerExpectationsMet = findings.partnerExpectationsMet();
    this.expectationsNote = findings.expectationsNote();
    this.changes = findings.changes();
    this.decision = findings.decision();
    this.decisionReason = findings.decisionReason();
    this.heldBy = by;
    this.heldAt = at;
    this.status = Status.HELD;
  }

  void confirmByPartner(String by, Instant at, String comment) {
    requireStatus(Status.HELD);
    this.partnerConfirmedBy = by;
    this.partnerConfirmedAt = at;
    this.partnerComment = comment;
    this.status = Status.CONFIRMED;
  }

  private void requireStatus(Status expected) {
    if (status != expected) {
      throw new InvalidInputException("reviewOutcome", "This review is " + status.name().toLowerCase() + "; it cannot "
          + "be changed that way any more.");
    }
  }

  public Long getId() {
    return id;
  }

  public Partnership getPartnership() {
    return partnership;
  }

  public int getAgreementVersion() {
    return agreementVersion;
  }

  public int getNumber() {
    return number;
  }

  public Instant getMeetingStart() {
    return meetingStart;
  }

  public int getMeetingMinutes() {
    return meetingMinutes;
  }

  public String getCalendarUid() {
    return calendarUid;
  }

  public int getCalendarSequence() {
    return calendarSequence;
  }

  public Status getStatus() {
    return status;
  }

  public String getEvidenceHtml() {
    return evidenceHtml;
  }

  public Extent getAimsAchieved() {
    return aimsAchieved;
  }

  public String getChanges() {
    return changes;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public String getHeldBy() {
    return heldBy;
  }

  public String getPartnerConfirmedBy() {
    return partnerConfirmedBy;
  }

  public String getPartnerComment() {
    return partnerComment;
  }

  public String getFailuresAndCauses() {
    return failuresAndCauses;
  }

  /** Where the review is. */
  public enum Status {
    SCHEDULED, HELD, CONFIRMED
  }

  /** How far something was achieved or met. */
  public enum Extent {
    FULLY, MOSTLY, PARTLY, NOT_AT_ALL
  }

  /** What the review decided. */
  public enum Decision {
    CONTINUE, AMEND, END
  }
}
