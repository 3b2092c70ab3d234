package org.partnerflow.identification;

import static org.partnerflow.identification.IdentificationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.security.People;
import org.partnerflow.system.DueDates;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/** Records the evaluation in the register and hands its figures to the decision table. */
@Component
class RecordEvaluationDelegate implements JavaDelegate {

  private final IdentificationService identification;
  private final CurrentUser currentUser;
  private final People people;
  private final PartnerflowProperties.Identification settings;
  private final DueDates dueDates;

  RecordEvaluationDelegate(IdentificationService identification, CurrentUser currentUser, People people,
      PartnerflowProperties properties, DueDates dueDates) {
    this.identification = identification;
    this.currentUser = currentUser;
    this.people = people;
    this.settings = properties.identification();
    this.dueDates = dueDates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Evaluation evaluation = new EvaluationForm(STRATEGIC_FIT_SCORE.from(execution), STRATEGIC_FIT_NOTE.from(execution),
        AIMS_SCORE.from(execution), AIMS_NOTE.from(execution), VALUES_SCORE.from(execution),
        VALUES_NOTE.from(execution), PRACTICES_SCORE.from(execution), PRACTICES_NOTE.from(execution),
        OUR_BENEFITS.from(execution), OUR_BENEFIT_VALUE.from(execution), OUR_COST_MONEY.from(execution),
        OUR_COST_STAFF_DAYS.from(execution), PARTNER_BENEFITS.from(execution),
        PARTNER_BENEFIT_VALUE.from(execution), PARTNER_COST_MONEY.from(execution),
        PARTNER_COST_STAFF_DAYS.from(execution), RISKS.from(execution)).check();
    String evaluator = currentUser.id().orElse(null);
    String question = Boolean.TRUE.equals(MORE_INFORMATION_REQUESTED.from(execution))
        ? MORE_INFORMATION_QUESTION.from(execution) : null;
    EvaluationFigures figures = identification.recordEvaluation(execution.getProcessBusinessKey(), evaluation,
        evaluator, question);

    EVALUATED_BY.set(execution, evaluator);
    EVALUATED_BY_NAME.set(execution, people.nameOf(evaluator));
    COMPATIBILITY_SCORE.set(execution, figures.compatibilityScore());
    execution.setVariable(OUR_NET_BENEFIT.name(), figures.ourNetBenefit().doubleValue());
    execution.setVariable(PARTNER_NET_BENEFIT.name(), figures.partnerNetBenefit().doubleValue());
    SERIOUS_UNMITIGATED_RISKS.set(execution, figures.seriousUnmitigatedRisks());
    OTHER_UNMITIGATED_RISKS.set(execution, figures.otherUnmitigatedRisks());
    MORE_INFORMATION_REQUESTED.set(execution, false);
    // a decision asked for this evaluation starts blank, not pre-set to the last round's answer
    execution.removeVariable(DECISION.name());
    execution.removeVariable(DECISION_REASON.name());
    DECISION_DUE_DATE.set(execution, dueDates.in(settings.decisionPeriod()));
  }
}
