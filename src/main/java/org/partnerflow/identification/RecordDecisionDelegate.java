package org.partnerflow.identification;

import static org.partnerflow.identification.IdentificationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.identification.CollaborationDecision.Outcome;
import org.partnerflow.identification.IdentificationService.Decision;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.security.People;
import org.partnerflow.system.DueDates;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/**
 * Records the senior manager's decision. Refuses it (a form error, nothing changes) when the
 * person deciding is the person who evaluated.
 */
@Component
class RecordDecisionDelegate implements JavaDelegate {

  private final IdentificationService identification;
  private final CurrentUser currentUser;
  private final People people;
  private final PartnerflowProperties.Identification settings;
  private final DueDates dueDates;

  RecordDecisionDelegate(IdentificationService identification, CurrentUser currentUser, People people,
      PartnerflowProperties properties, DueDates dueDates) {
    this.identification = identification;
    this.currentUser = currentUser;
    this.people = people;
    this.settings = properties.identification();
    this.dueDates = dueDates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String decider = currentUser.id().orElse(null);
    Outcome outcome = identification.recordDecision(execution.getProcessBusinessKey(),
        new Decision(DECISION.from(execution), DECISION_REASON.from(execution),
            MORE_INFORMATION_QUESTION.from(execution), RECOMMENDATION.from(execution),
            RECOMMENDATION_RATIONALE.from(execution)), decider);
    DECISION.set(execution, outcome.formValue());
    DECIDED_BY_NAME.set(execution, people.nameOf(decider));
    boolean moreInformation = outcome == Outcome.MORE_INFORMATION;
    MORE_INFORMATION_REQUESTED.set(execution, moreInformation);
    if (moreInformation) {
      EVALUATION_ASSIGNEE.set(execution, EVALUATED_BY.from(execution));
      EVALUATION_DUE_DATE.set(execution,
          dueDates.in(settings.evaluationPeriod()));
    }
  }
}
