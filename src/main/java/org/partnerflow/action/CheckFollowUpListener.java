package org.partnerflow.action;

import static org.partnerflow.action.ActionVariables.FOLLOW_UP_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.partnerflow.system.InputCheck;
import org.springframework.stereotype.Component;

/**
 * On completing the follow-up of our overdue action: what was found and done is required, and no
 * longer than a process variable holds (the note is kept with the process and its history).
 */
@Component
class CheckFollowUpListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FOLLOW_UP_NOTE.set(task, InputCheck.text(FOLLOW_UP_NOTE.name(), "What you found and did", FOLLOW_UP_NOTE.from(task),
        4000));
  }
}
