package org.partnerflow.notification;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The key of the mail a step sends: stable across retries of the step (a failed try leaves no
 * history), new for every later visit of the step in the same execution.
 */
@Component
public class NotificationKeys {

  private final HistoryService history;

  NotificationKeys(HistoryService history) {
    this.history = history;
  }

  public String of(DelegateExecution execution) {
    long earlierVisits = history.createHistoricActivityInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .activityId(execution.getCurrentActivityId())
        .executionId(execution.getId())
        .finished()
        .count();
    return execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/" + execution.getId()
        + "/" + earlierVisits;
  }
}
