package org.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;

/**
 * A mail step that fails after its mail went out and was recorded (the database went away before
 * the step committed, another node won the race to commit) is retried without sending the mail
 * again: the retry runs the same job, and the mail's key names the job. (Keyed by the execution, the
 * retry ran in a new child execution, because a step with input parameters is a scope, and sent a
 * second mail under a new Message-ID.)
 */
@PartnerflowSpringTest
class MailStepRetryTests {

  private static final String RESPONSIBLE = "retry.owner@partnerflow.example";

  @Autowired
  ProcessEngine engine;
  @Autowired
  GreenMail mail;
  @Autowired
  NotificationLog log;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void aMailStepRetriedAfterItsMailWasRecordedDoesNotSendItAgain() throws Exception {
    Journey journey = new Journey(engine);
    Map<String, Object> draft = Journey.draftAgreement();
    // due the day after tomorrow: its reminder (three days before) is due now
    LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    draft.put("actions", Journey.jsonList("[{\"title\":\"Paint the hall\",\"owner\":\"ours\",\"responsibleEmail\":\""
        + RESPONSIBLE + "\",\"dueDate\":\"" + due + "\"}]"));
    String reference = journey.runningPartnership("Retry Decorators", "rd1", draft).getBusinessKey();
    String action = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agreedAction")
        .processInstanceBusinessKey(reference).singleResult().getId();
    Job reminderTimer = engine.getManagementService().createJobQuery().processInstanceId(action)
        .activityId("BoundaryEvent_ReminderDue").singleResult();
    engine.getManagementService().executeJob(reminderTimer.getId());
    Job sendReminder = engine.getManagementService().createJobQuery().processInstanceId(action)
        .activityId("Task_SendReminder").singleResult();

    // the step sends and records its mail, then its transaction fails
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      engine.getManagementService().executeJob(sendReminder.getId());
      status.setRollbackOnly();
    });
    assertThat(engine.getManagementService().createJobQuery().jobId(sendReminder.getId()).count())
        .as("the step is still to do").isEqualTo(1);
    assertThat(reminders()).hasSize(1);

    engine.getManagementService().executeJob(sendReminder.getId());

    assertThat(engine.getManagementService().createJobQuery().jobId(sendReminder.getId()).count()).isZero();
    assertThat(reminders()).hasSize(1);
    assertThat(log.find(action + "/Task_SendReminder/job/" + sendReminder.getId()))
        .get().extracting(NotificationLog.Entry::recipients).isEqualTo(RESPONSIBLE);
  }

  private List<MimeMessage> reminders() throws Exception {
    List<MimeMessage> reminders = new java.util.ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessagesForDomain(RESPONSIBLE)) {
      if (message.getSubject().startsWith("Reminder: \"Paint the hall\"")) {
        reminders.add(message);
      }
    }
    return reminders;
  }
}
