package org.partnerflow.action;

import static org.partnerflow.action.ActionVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Keeps the support we offered the partner for their late action, for the review. */
@Component
class RecordSupportDelegate implements JavaDelegate {

  private final ActionService actions;

  RecordSupportDelegate(ActionService actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    actions.recordSupport(ACTION_ID.from(execution), SUPPORT_OFFERED.from(execution));
  }
}
