package org.partnerflow.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Real timers on the real job executor: the reminder and the overdue notice of an action arrive
 * exactly once each, also when the mail server refuses the first attempt; Tasklist's "Overdue"
 * filter shows the overdue action.
 */
@PartnerflowSpringTest
class ActionTimersIntegrationTests {

  private static final String RESPONSIBLE = "timers.owner@partnerflow.example";

  @Autowired
  ProcessEngine engine;
  @Autowired
  GreenMail mail;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void remindersAndOverdueNoticesFireOnTheJobExecutorAndArriveOnceEvenAfterAnSmtpFailure() throws Exception {
    Journey journey = new Journey(engine);
    Map<String, Object> draft = Journey.draftAgreement();
    LocalDate due = LocalDate.now().plusDays(10);
    draft.put("actions", Journey.jsonList("[{\"title\":\"Print the flyers\",\"owner\":\"ours\",\"responsibleEmail\":\""
        + RESPONSIBLE + "\",\"dueDate\":\"" + due + "\"}]"));
    String reference = journey.runningPartnership("Timely Printers", "tp1", draft).getBusinessKey();
    // the shared context holds other tests' partnerships: their due jobs must not crowd this one out
    List<String> others = engine.getRuntimeService().createProcessInstanceQuery().active().list().stream()
        .filter(instance -> !reference.equals(instance.getBusinessKey())).map(instance -> instance.getId()).toList();
    suspend(others, true);
    Instant dueAt = due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();

    ClockUtil.setCurrentTime(Date.from(dueAt.plusSeconds(60)));
    mail.stop();
    jobExecutor.start();
    try {
      waitUntil(() -> engine.getManagementService().createJobQuery().activityId("Task_SendOverdueNotice")
          .withException().count() > 0);
      mail.start();
      ClockUtil.setCurrentTime(Date.from(dueAt.plus(Duration.ofMinutes(6))));
      waitUntil(() -> received("Overdue:") == 1 && received("Reminder:") == 1);
      Thread.sleep(2000); // time for a duplicate to show, if there were one
    } finally {
      jobExecutor.shutdown();
      suspend(others, false);
    }

    assertThat(received("Overdue:")).isEqualTo(1);
    assertThat(received("Reminder:")).isEqualTo(1);

    Filter overdue = engine.getFilterService().createFilterQuery().filterName("Overdue").singleResult();
    List<Task> seenByPat = journey.as("pat", () -> engine.getFilterService().listPage(overdue.getId(), 0, 50));
    assertThat(seenByPat).extracting(Task::getName).contains("Carry out the agreed action: Print the flyers (Timely Printers)");
    assertThat(seenByPat).extracting(Task::getDueDate).isSortedAccordingTo(Date::compareTo);
  }

  private void suspend(List<String> instances, boolean suspend) {
    if (instances.isEmpty()) {
      return;
    }
    var change = engine.getRuntimeService().updateProcessInstanceSuspensionState().byProcessInstanceIds(instances);
    if (suspend) {
      change.suspend();
    } else {
      change.activate();
    }
  }

  private long received(String subjectStart) {
    return List.of(mail.getReceivedMessagesForDomain(RESPONSIBLE)).stream()
        .filter(message -> subject(message).startsWith(subjectStart)).count();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting");
      }
      Thread.sleep(200);
    }
  }
}
