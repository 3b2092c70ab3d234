package org.partnerflow.identification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.partnerflow.register.Partnership;

/** A senior manager's decision on an evaluation, beside the recommendation they were shown. */
@Entity
public class CollaborationDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Partnership partnership;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private FeasibilityEvaluation evaluation;
  private String recommendation;
  private String recommendationRationale;
  @Enumerated(EnumType.STRING)
  private Outcome outcome;
  private String reason;
  private String question;
  private String decidedBy;
  private Instant decidedAt;

  protected CollaborationDecision() {
  }

  CollaborationDecision(FeasibilityEvaluation evaluation, String recommendation, String recommendationRationale,
      Outcome outcome, String reason, String question, String decidedBy, Instant decidedAt) {
    this.partnership = evaluation.getPartnership();
    this.evaluation = evaluation;
    this.recommendation = recommendation;
    this.recommendationRationale = recommendationRationale;
    this.outcome = outcome;
    this.reason = reason;
    this.question = question;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getReason() {
    return reason;
  }

  public String getQuestion() {
    return question;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public String getRecommendation() {
    return recommendation;
  }

  /** What the senior manager decided; the form's values in camelCase. */
  public enum Outcome {
    APPROVE("approve"), REJECT("reject"), MORE_INFORMATION("moreInformation");

    private final String formValue;

    Outcome(String formValue) {
      this.formValue = formValue;
    }

    /** The value the decision form and the diagram's gateway use. */
    public String formValue() {
      return formValue;
    }
  }
}
