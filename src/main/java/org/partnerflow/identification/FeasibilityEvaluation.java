package org.partnerflow.identification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;

import org.partnerflow.register.Partnership;

/**
 * One evaluation of whether to collaborate: fit with our strategy, compatibility, benefits and costs
 * for each side, and risks. A new one is recorded each time a senior manager asks for more.
 */
@Entity
public class FeasibilityEvaluation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Partnership partnership;
  private String evaluatedBy;
  private Instant evaluatedAt;
  private String questionAnswered;
  private int strategicFitScore;
  private String strategicFitNote;
  private int aimsScore;
  private String aimsNote;
  private int valuesScore;
  private String valuesNote;
  private int practicesScore;
  private String practicesNote;
  private String ourBenefits;
  private BigDecimal ourBenefitValue;
  private BigDecimal ourCostMoney;
  private BigDecimal ourCostStaffDays;
  private String partnerBenefits;
  private BigDecimal partnerBenefitValue;
  private BigDecimal partnerCostMoney;
  private BigDecimal partnerCostStaffDays;
  private BigDecimal staffDayRate;
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "evaluation_risk", joinColumns = @JoinColumn(name = "evaluation_id"))
  @OrderColumn(name = "position")
  private List<Risk> risks = new ArrayList<>();

  protected FeasibilityEvaluation() {
  }

  FeasibilityEvaluation(Partnership partnership, String evaluatedBy, Instant evaluatedAt, String questionAnswered,
      Evaluation evaluation, BigDecimal staffDayRate) {
    this.partnership = partnership;
    this.evaluatedBy = evaluatedBy;
    this.evaluatedAt = evaluatedAt;
    this.questionAnswered = questionAnswered;
    this.strategicFitScore = evaluation.strategicFit().score();
    this.strategicFitNote = evaluation.strategicFit().note();
    this.aimsScore = evaluation.aims().score();
    this.aimsNote = evaluation.aims().note();
    this.valuesScore = evaluation.values().score();
    this.valuesNote = evaluation.values().note();
    this.practicesScore = evaluation.practices().score();
    this.practicesNote = evaluation.practices().note();
    this.ourBenefits = evaluation.ours().benefits();
    this.ourBenefitValue = evaluation.ours().benefitValue();
    this.ourCostMoney = evaluation.ours().costMoney();
    this.ourCostStaffDays = evaluation.ours().costStaffDays();
    this.partnerBenefits = evaluation.partners().benefits();
    this.partnerBenefitValue = evaluation.partners().benefitValue();
    this.partnerCostMoney = evaluation.partners().costMoney();
    this.partnerCostStaffDays = evaluation.partners().costStaffDays();
    this.staffDayRate = staffDayRate;
    this.risks.addAll(evaluation.risks());
  }

  /** What the recommendation weighs, derived from what the evaluator entered. */
  public EvaluationFigures figures() {
    BigDecimal ourNet = ourBenefitValue.subtract(ourCostMoney).subtract(ourCostStaffDays.multiply(staffDayRate));
    BigDecimal partnerNet = partnerBenefitValue.subtract(partnerCostMoney)
        .subtract(partnerCostStaffDays.multiply(staffDayRate));
    int compatibility = Math.min(aimsScore, Math.min(valuesScore, practicesScore));
    long seriousUnmitigated = risks.stream().filter(r -> r.isSerious() && !r.isMitigable()).count();
    long otherUnmitigated = risks.stream().filter(r -> !r.isSerious() && !r.isMitigable()).count();
    return new EvaluationFigures(strategicFitScore, compatibility, ourNet, partnerNet, (int) seriousUnmitigated,
        (int) otherUnmitigated);
  }

  public Long getId() {
    return id;
  }

  public Partnership getPartnership() {
    return partnership;
  }

  public String getEvaluatedBy() {
    return evaluatedBy;
  }

  public Instant getEvaluatedAt() {
    return evaluatedAt;
  }

  public String getQuestionAnswered() {
    return questionAnswered;
  }

  public List<Risk> getRisks() {
    return List.copyOf(risks);
  }
}
