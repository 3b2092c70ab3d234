package org.partnerflow.identification;

import static org.partnerflow.system.ProcessVariable.bool;
import static org.partnerflow.system.ProcessVariable.date;
import static org.partnerflow.system.ProcessVariable.decimal;
import static org.partnerflow.system.ProcessVariable.integer;
import static org.partnerflow.system.ProcessVariable.list;
import static org.partnerflow.system.ProcessVariable.string;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.partnerflow.system.ProcessVariable;

/**
 * The variables of {@code partnerIdentification}. Form field keys are these names; a test checks
 * that every field of every form is declared in a variables class.
 */
public final class IdentificationVariables {

  // the start form
  public static final ProcessVariable<String> ORGANISATION_NAME = string("organisationName");
  public static final ProcessVariable<String> ORGANISATION_WEBSITE = string("organisationWebsite");
  public static final ProcessVariable<String> ORGANISATION_SECTOR = string("organisationSector");
  public static final ProcessVariable<String> CONTACT_NAME = string("contactName");
  public static final ProcessVariable<String> CONTACT_EMAIL = string("contactEmail");
  public static final ProcessVariable<String> OBJECTIVES_SERVED = string("objectivesServed");
  public static final ProcessVariable<String> PARTNER_OBJECTIVES = string("partnerObjectives");
  public static final ProcessVariable<String> OBJECTIVE_RELATIONSHIP = string("objectiveRelationship");
  public static final ProcessVariable<String> OBJECTIVE_RELATIONSHIP_NOTE = string("objectiveRelationshipNote");
  /** Set by the start event (camunda:initiator): who proposed the partner. */
  public static final ProcessVariable<String> PROPOSED_BY = string("proposedBy");
  public static final ProcessVariable<String> PARTNERSHIP_REFERENCE = string("partnershipReference");

  // due dates of the two tasks
  public static final ProcessVariable<Date> EVALUATION_DUE_DATE = date("evaluationDueDate");
  /** Who evaluates: nobody in particular at first, the same evaluator when asked for more. */
  public static final ProcessVariable<String> EVALUATION_ASSIGNEE = string("evaluationAssignee");
  public static final ProcessVariable<Date> DECISION_DUE_DATE = date("decisionDueDate");

  // the evaluation form
  public static final ProcessVariable<Integer> STRATEGIC_FIT_SCORE = integer("strategicFitScore");
  public static final ProcessVariable<String> STRATEGIC_FIT_NOTE = string("strategicFitNote");
  public static final ProcessVariable<Integer> AIMS_SCORE = integer("aimsScore");
  public static final ProcessVariable<String> AIMS_NOTE = string("aimsNote");
  public static final ProcessVariable<Integer> VALUES_SCORE = integer("valuesScore");
  public static final ProcessVariable<String> VALUES_NOTE = string("valuesNote");
  public static final ProcessVariable<Integer> PRACTICES_SCORE = integer("practicesScore");
  public static final ProcessVariable<String> PRACTICES_NOTE = string("practicesNote");
  public static final ProcessVariable<String> OUR_BENEFITS = string("ourBenefits");
  public static final ProcessVariable<BigDecimal> OUR_BENEFIT_VALUE = decimal("ourBenefitValue");
  public static final ProcessVariable<BigDecimal> OUR_COST_MONEY = decimal("ourCostMoney");
  public static final ProcessVariable<BigDecimal> OUR_COST_STAFF_DAYS = decimal("ourCostStaffDays");
  public static final ProcessVariable<String> PARTNER_BENEFITS = string("partnerBenefits");
  public static final ProcessVariable<BigDecimal> PARTNER_BENEFIT_VALUE = decimal("partnerBenefitValue");
  public static final ProcessVariable<BigDecimal> PARTNER_COST_MONEY = decimal("partnerCostMoney");
  public static final ProcessVariable<BigDecimal> PARTNER_COST_STAFF_DAYS = decimal("partnerCostStaffDays");
  public static final ProcessVariable<List<Map<String, Object>>> RISKS = list("risks");
  /** Fields of one entry of {@link #RISKS}. */
  public static final List<String> RISK_FIELDS = List.of("description", "likelihood", "impact", "mitigation",
      "mitigable");

  // what the evaluation yields for the decision table and the decider
  public static final ProcessVariable<String> EVALUATED_BY = string("evaluatedBy");
  public static final ProcessVariable<String> EVALUATED_BY_NAME = string("evaluatedByName");
  public static final ProcessVariable<Integer> COMPATIBILITY_SCORE = integer("compatibilityScore");
  public static final ProcessVariable<BigDecimal> OUR_NET_BENEFIT = decimal("ourNetBenefit");
  public static final ProcessVariable<BigDecimal> PARTNER_NET_BENEFIT = decimal("partnerNetBenefit");
  public static final ProcessVariable<Integer> SERIOUS_UNMITIGATED_RISKS = integer("seriousUnmitigatedRisks");
  public static final ProcessVariable<Integer> OTHER_UNMITIGATED_RISKS = integer("otherUnmitigatedRisks");
  public static final ProcessVariable<String> RECOMMENDATION = string("recommendation");
  public static final ProcessVariable<String> RECOMMENDATION_RATIONALE = string("recommendationRationale");

  // the decision form
  public static final ProcessVariable<String> DECISION = string("decision");
  public static final ProcessVariable<String> DECISION_REASON = string("decisionReason");
  public static final ProcessVariable<String> MORE_INFORMATION_QUESTION = string("moreInformationQuestion");
  public static final ProcessVariable<Boolean> MORE_INFORMATION_REQUESTED = bool("moreInformationRequested");
  public static final ProcessVariable<String> DECIDED_BY_NAME = string("decidedByName");

  private IdentificationVariables() {
  }
}
