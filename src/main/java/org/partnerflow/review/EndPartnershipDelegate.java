package org.partnerflow.review;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.collaboration.CollaborationVariables;
import org.springframework.stereotype.Component;

/** The review decided to end the partnership: the running partnership takes its exit steps. */
@Component
class EndPartnershipDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    String collaboration = runtime.createProcessInstanceQuery().processDefinitionKey("collaboration")
        .processInstanceBusinessKey(execution.getProcessBusinessKey()).active().singleResult().getId();
    runtime.createMessageCorrelation(CollaborationVariables.PARTNERSHIP_ENDED).processInstanceId(collaboration)
        .correlate();
  }
}
