package org.partnerflow.action;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.agreement.AgreementVariables;
import org.springframework.stereotype.Component;

/** Starts the running partnership ({@code collaboration}) for the version that just came into force. */
@Component
class StartCollaborationDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(ActionVariables.COLLABORATION_AGREED)
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariables(Map.of(AgreementVariables.AGREEMENT_VERSION.name(),
            AgreementVariables.AGREEMENT_VERSION.from(execution),
            AgreementVariables.ORGANISATION_NAME.name(), AgreementVariables.ORGANISATION_NAME.from(execution)))
        .correlateStartMessage();
  }
}
