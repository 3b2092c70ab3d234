package org.partnerflow.information;

import static org.partnerflow.information.InformationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Records how the information left us: deleted or anonymised at the end of its retention, or,
 * after a refusal, withdrawn and returned to the partner.
 */
@Component
class RecordDisposalDelegate implements JavaDelegate {

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
    String correction = CORRECTION.from(execution);
    if (correction == null) {
      information.dispose(id, DISPOSAL.from(execution), DISPOSAL_NOTE.from(execution), user);
    } else if ("withdraw".equals(correction)) {
      information.withdraw(id, user, DISPOSAL_NOTE.from(execution));
    } else {
      throw new InvalidInputException(CORRECTION.name(), "Choose to correct the record or to withdraw the information.");
    }
  }
}
