package org.partnerflow.agreement;

import static org.partnerflow.agreement.AgreementVariables.AGREEMENT_REQUESTED;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts agreeing the collaboration for the execution's partnership: sends the message that starts
 * {@code collaborationAgreement}, with the partnership's reference as its business key.
 */
@Component
class RequestAgreementDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(AGREEMENT_REQUESTED)
        .processInstanceBusinessKey(reference)
        .setVariables(Map.of(AgreementVariables.PARTNERSHIP_REFERENCE.name(), reference))
        .correlateStartMessage();
  }
}
