package org.partnerflow.information;

import static org.partnerflow.information.InformationVariables.CORRECTION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.partnerflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * On completing the correction of refused information: the owner chose one of the two ways the form
 * offers, which the gateway after the task knows; anything else is refused before it gets there.
 */
@Component
class CheckCorrectionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String correction = CORRECTION.from(task);
    if (!"correct".equals(correction) && !"withdraw".equals(correction)) {
      throw new InvalidInputException(CORRECTION.name(), "Choose to correct the record or to withdraw the information.");
    }
  }
}
