package org.partnerflow.report;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;

import org.partnerflow.system.InvalidInputException;

/** Our feedback on a partner's report, and the partner's acknowledgement of it. */
@Entity
public class ReportFeedback {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @OneToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "report_id")
  private ProgressReport report;
  private String wentWell;
  private String couldImprove;
  private String supportOffered;
  private String progressTowardsAims;
  private String nextMilestones;
  private String givenBy;
  private Instant givenAt;
  private String acknowledgedBy;
  private Instant acknowledgedAt;
  private String partnerComment;

  protected ReportFeedback() {
  }

  ReportFeedback(ProgressReport report, FeedbackContent content, String givenBy, Instant givenAt) {
    this.report = report;
    this.wentWell = content.wentWell();
    this.couldImprove = content.couldImprove();
    this.supportOffered = content.supportOffered();
    this.progressTowardsAims = content.progressTowardsAims();
    this.nextMilestones = content.nextMilestones();
    this.givenBy = givenBy;
    this.givenAt = givenAt;
  }

  void acknowledge(String by, Instant at, String comment) {
    if (acknowledgedAt != null) {
      throw new InvalidInputException("feedbackComment", "This feedback was acknowledged already by "
          + acknowledgedBy + ".");
    }
    this.acknowledgedBy = by;
    this.acknowledgedAt = at;
    this.partnerComment = comment;
  }

  public Long getId() {
    return id;
  }

  public ProgressReport getReport() {
    return report;
  }

  public String getWentWell() {
    return wentWell;
  }

  public String getCouldImprove() {
    return couldImprove;
  }

  public String getSupportOffered() {
    return supportOffered;
  }

  public String getProgressTowardsAims() {
    return progressTowardsAims;
  }

  public String getNextMilestones() {
    return nextMilestones;
  }

  public String getGivenBy() {
    return givenBy;
  }

  public Instant getGivenAt() {
    return givenAt;
  }

  public String getAcknowledgedBy() {
    return acknowledgedBy;
  }

  public Instant getAcknowledgedAt() {
    return acknowledgedAt;
  }

  public String getPartnerComment() {
    return partnerComment;
  }
}
