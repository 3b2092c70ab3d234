package org.partnerflow.information;

import static org.partnerflow.information.InformationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Keeps data protection's decision, with its conditions or reasons, in the register. */
@Component
class RecordInformationReviewDelegate implements JavaDelegate {

  private final InformationService information;
  private final CurrentUser currentUser;

  RecordInformationReviewDelegate(InformationService information, CurrentUser currentUser) {
    this.information = information;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    InformationItem item = information.review(INFORMATION_ID.from(execution), REVIEW_DECISION.from(execution),
        REVIEW_NOTE.from(execution), currentUser.id().orElse("unknown"));
    INFORMATION_ACCEPTED.set(execution, item.getStatus() != InformationItem.Status.REFUSED);
  }
}
