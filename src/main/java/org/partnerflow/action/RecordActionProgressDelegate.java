package org.partnerflow.action;

import static org.partnerflow.action.ActionVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Records what the responsible person reported: done (and whether on time), or a delay with its
 * reason and new date, which moves the due date and every timer when the task opens again.
 */
@Component
class RecordActionProgressDelegate implements JavaDelegate {

  private final ActionService actions;
  private final ActionSchedule schedule;
  private final CurrentUser currentUser;

  RecordActionProgressDelegate(ActionService actions, ActionSchedule schedule, CurrentUser currentUser) {
    this.actions = actions;
    this.schedule = schedule;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long id = ACTION_ID.from(execution);
    String user = currentUser.id().orElse("unknown");
    String outcome = ACTION_OUTCOME.from(execution);
    if ("done".equals(outcome)) {
      ActionRecord done = actions.complete(id, user);
      ACTION_DONE.set(execution, true);
      ACTION_ON_TIME.set(execution, done.getOnTime());
    } else if ("cannotOnTime".equals(outcome)) {
      String previous = ACTION_DUE_ON.from(execution);
      ActionRecord moved = actions.reportDelay(id, DELAY_REASON.from(execution), NEW_DUE_DATE.from(execution), user);
      ACTION_DONE.set(execution, false);
      PREVIOUS_DUE_ON.set(execution, previous);
      schedule.write(execution, moved);
      execution.removeVariable(ACTION_OUTCOME.name());
    } else {
      throw new InvalidInputException(ACTION_OUTCOME.name(), "Say whether the action is done or cannot be done on time.");
    }
  }
}
