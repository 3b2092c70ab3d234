package org.partnerflow.agreement;

import static org.partnerflow.agreement.AgreementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.DueDates;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses a draft that is not sound (a form error; the draft task stays open), and starts a fresh
 * round of sign-offs for one that is.
 */
@Component
class CheckDraftDelegate implements JavaDelegate {

  private final AgreementService agreements;
  private final CurrentUser currentUser;
  private final DueDates dueDates;
  private final PartnerflowProperties.Agreement settings;

  CheckDraftDelegate(AgreementService agreements, CurrentUser currentUser, DueDates dueDates,
      PartnerflowProperties properties) {
    this.agreements = agreements;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.settings = properties.agreement();
  }

  @Override
  public void execute(DelegateExecution execution) {
    agreements.check(AgreementDraftReader.read(execution));
    DRAFTED_BY.set(execution, currentUser.id().orElse(null));
    ROUND_ANSWERS.forEach(answer -> execution.removeVariable(answer.name()));
    SIGN_OFF_DUE_DATE.set(execution, dueDates.in(settings.signOffPeriod()));
    CONFIRMATION_DUE_DATE.set(execution, dueDates.in(settings.signOffPeriod().plus(settings.confirmationPeriod())));
  }
}
