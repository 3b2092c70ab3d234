package org.partnerflow.action;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.agreement.AgreementVariables;
import org.springframework.stereotype.Component;

/** Turns the agreed version's actions into obligations, one {@code agreedAction} each. */
@Component
class OpenAgreedActionsDelegate implements JavaDelegate {

  private final ActionService actions;

  OpenAgreedActionsDelegate(ActionService actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int version = AgreementVariables.AGREEMENT_VERSION.from(execution);
    List<Long> ids = new ArrayList<>(actions.open(execution.getProcessBusinessKey(), version).stream()
        .filter(action -> action.getStatus() == ActionRecord.Status.OPEN).map(ActionRecord::getId).toList());
    execution.setVariable(ActionVariables.ACTION_IDS, ids);
  }
}
