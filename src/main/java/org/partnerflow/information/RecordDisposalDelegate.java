package org.partnerflow.information;

import static org.partnerflow.information.InformationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Records how the information left us: deleted or anonymised at the end of its retention, or,
 * after a refusal, withdrawn and returned to the partner. Which of the two is the step of the
 * process that runs it, never a variable a form could send.
 */
@Component
class RecordDisposalDelegate implements JavaDelegate {

  static final String RECORD_WITHDRAWAL = "Task_RecordWithdrawal";

  private final InformationService information;
  private final CurrentUser currentUser;

  RecordDisposalDelegate(InformationService information, CurrentUser currentUser) {
    this.information = information;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String user = currentUser.id().orElse("unknown");
    Long id = INFORMATION_ID.from(execution);
    if (RECORD_WITHDRAWAL.equals(execution.getCurrentActivityId())) {
      information.withdraw(id, user, DISPOSAL_NOTE.from(execution));
    } else {
      information.dispose(id, DISPOSAL.from(execution), DISPOSAL_NOTE.from(execution), user);
    }
  }
}
