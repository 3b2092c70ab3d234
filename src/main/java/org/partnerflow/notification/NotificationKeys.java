package org.partnerflow.notification;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * The key of the mail a step sends: the same for every retry of the step, new for every later visit
 * of the step in the same process instance.
 *
 * <p>A mail step is asynchronous, so it runs in a job: a retry runs the same job again, a later visit
 * runs a new one, and the key names the job. It cannot name the execution: a step with input
 * parameters (every mail step has them) is a scope, and each try of it runs in a new child execution,
 * so a retry after the mail was recorded would send it again under a new key, with a new Message-ID
 * (the cluster tests caught that when the database went away between the record and the commit).
 * Outside a job (a step someone made synchronous), the key counts the earlier visits of the step in
 * its execution instead.
 */
@Component
public class NotificationKeys {

  private final HistoryService history;

  NotificationKeys(HistoryService history) {
    this.history = history;
  }

  public String of(DelegateExecution execution) {
    CommandContext command = Context.getCommandContext();
    JobEntity job = command == null ? null : command.getCurrentJob();
    if (job != null) {
      return execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/job/" + job.getId();
    }
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
