package org.partnerflow.action;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * Every path of {@code agreedAction} with the engine clock moved: reminder, overdue and its repeat,
 * escalation, "cannot do it on time" with every timer moved, the partner's late action and our
 * support, completion on time and late. The draft agreement has our action due in a month and the
 * partner's in three.
 */
@PartnerflowSpringTest
class AgreedActionProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ActionService actions;
  @Autowired
  GreenMail mail;

  Journey journey;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    journey = new Journey(engine);
    mail.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theRunningPartnershipCarriesOutEveryAgreedActionInParallel() {
    ProcessInstance collaboration = journey.runningPartnership("Parallel Partners", "pp1");

    assertThat(collaboration).isWaitingAt("CallActivity_CarryOutAgreedActions");
    Assertions.assertThat(agreedActions(collaboration)).hasSize(2);
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(
        collaboration.getBusinessKey()).taskDefinitionKey("Task_CarryOutAction").list())
        .extracting(task -> task.getName())
        .containsExactlyInAnyOrder("Carry out the agreed action: Lend 20 laptops (Parallel Partners)",
            "Carry out the agreed action: Run 10 sessions (Parallel Partners)");
  }

  @Test
  void ourActionIsDueOnTheAgreedDateWithAReminderBeforeAndIsDoneOnTime() throws Exception {
    ProcessInstance collaboration = journey.runningPartnership("Punctual Trust", "pt1");
    ProcessInstance action = ours(collaboration);
    LocalDate due = LocalDate.now().plusMonths(1);
    var task = journey.task(action);
    Assertions.assertThat(task.getDueDate().toInstant()).isEqualTo(endOf(due));
    Assertions.assertThat(task.getFollowUpDate().toInstant()).isEqualTo(endOf(due).minus(Duration.ofDays(3)));
    assertThat(task).isAssignedTo("pat");
    Assertions.assertThat(candidateGroups(task.getId())).containsExactly("partnership-managers");

    moveClockTo(endOf(due).minus(Duration.ofDays(3)).plusSeconds(60));
    journey.runJobs(action);

    MimeMessage reminder = only("pat@partnerflow.example");
    Assertions.assertThat(reminder.getSubject()).isEqualTo("Reminder: \"Lend 20 laptops\" is due on " + due + " ("
        + collaboration.getBusinessKey() + ")");
    Assertions.assertThat(GreenMailUtil.getBody(reminder))
        .contains("of the partnership between Northshire Council and Punctual Trust");
    assertThat(action).isWaitingAt("Task_CarryOutAction").hasPassed("EndEvent_ReminderSent");

    journey.complete(action, "Task_CarryOutAction", "pat", Map.of("actionOutcome", "done"));

    assertThat(action).isEnded().hasPassed("EndEvent_ActionDone");
    ActionRecord record = record(action);
    Assertions.assertThat(record.getStatus()).isEqualTo(ActionRecord.Status.DONE);
    Assertions.assertThat(record.getOnTime()).isTrue();
  }

  @Test
  void anOpenActionIsNoticedOverdueEveryWeekThenEscalatedAndDoneLate() throws Exception {
    ProcessInstance collaboration = journey.runningPartnership("Slow Coaches", "sc1");
    ProcessInstance action = ours(collaboration);
    Instant due = endOf(LocalDate.now().plusMonths(1));

    moveClockTo(due.plusSeconds(60));
    journey.runJobs(action);
    moveClockTo(due.plus(Duration.ofDays(7)).plusSeconds(60));
    journey.runJobs(action);

    Assertions.assertThat(mail.getReceivedMessagesForDomain("pat@partnerflow.example"))
        .filteredOn(m -> subject(m).startsWith("Overdue: \"Lend 20 laptops\"")).hasSize(2);
    Assertions.assertThat(mail.getReceivedMessagesForDomain("pat@partnerflow.example"))
        .filteredOn(m -> subject(m).startsWith("Reminder:")).hasSize(1);
    assertThat(action).isWaitingAt("Task_CarryOutAction").hasNotPassed("Task_FollowUpOverdueAction");

    moveClockTo(due.plus(Duration.ofDays(14)).plusSeconds(60));
    journey.runJobs(action);

    assertThat(action).isWaitingAt("Task_CarryOutAction", "Task_FollowUpOverdueAction");
    assertThat(journey.task(action, "Task_FollowUpOverdueAction")).hasCandidateGroup("partnership-managers");
    journey.complete(action, "Task_FollowUpOverdueAction", "robin", Map.of("followUpNote", "Laptops arrive Monday"));
    journey.complete(action, "Task_CarryOutAction", "pat", Map.of("actionOutcome", "done"));

    assertThat(action).isEnded();
    Assertions.assertThat(record(action).getOnTime()).isFalse();
  }

  @Test
  void cannotDoItOnTimeRecordsTheReasonTellsThePartnerAndMovesTheDueDateAndEveryTimer() throws Exception {
    ProcessInstance collaboration = journey.runningPartnership("Moving Dates Ltd", "md1");
    ProcessInstance action = ours(collaboration);
    LocalDate due = LocalDate.now().plusMonths(1);
    LocalDate newDate = due.plusDays(20);

    journey.complete(action, "Task_CarryOutAction", "pat", Map.of("actionOutcome", "cannotOnTime",
        "delayReason", "The supplier is late", "newDueDate", newDate.toString()));
    journey.runJobs(action);

    MimeMessage toPartner = only("riley@riverside-trust.example");
    Assertions.assertThat(toPartner.getSubject()).startsWith("New date: \"Lend 20 laptops\" moves from " + due + " to "
        + newDate);
    Assertions.assertThat(GreenMailUtil.getBody(toPartner)).contains("The supplier is late");
    var task = journey.task(action);
    Assertions.assertThat(task.getDueDate().toInstant()).isEqualTo(endOf(newDate));
    Assertions.assertThat(timer(action, "BoundaryEvent_ReminderDue").getDuedate().toInstant())
        .isEqualTo(endOf(newDate).minus(Duration.ofDays(3)));
    Assertions.assertThat(timer(action, "BoundaryEvent_ActionOverdue").getDuedate().toInstant())
        .isEqualTo(endOf(newDate));
    Assertions.assertThat(timer(action, "BoundaryEvent_FollowUpDue").getDuedate().toInstant())
        .isEqualTo(endOf(newDate).plus(Duration.ofDays(14)));
    Assertions.assertThat(actions.deviations(record(action).getId())).singleElement().satisfies(deviation -> {
      Assertions.assertThat(deviation.getReason()).isEqualTo("The supplier is late");
      Assertions.assertThat(deviation.getPreviousDueDate()).isEqualTo(due);
      Assertions.assertThat(deviation.getNewDueDate()).isEqualTo(newDate);
      Assertions.assertThat(deviation.getReportedBy()).isEqualTo("pat");
    });

    moveClockTo(endOf(due).plusSeconds(60));
    journey.runJobs(action);
    Assertions.assertThat(mail.getReceivedMessagesForDomain("pat@partnerflow.example"))
        .noneMatch(m -> subject(m).startsWith("Overdue:"));
  }

  @Test
  void aDelayWithoutReasonOrWithADateInThePastOrNotLaterIsRefusedAndChangesNothing() throws Exception {
    ProcessInstance collaboration = journey.runningPartnership("Careful Delays", "cd1");
    ProcessInstance action = ours(collaboration);
    LocalDate due = LocalDate.now().plusMonths(1);

    assertThatThrownBy(() -> journey.complete(action, "Task_CarryOutAction", "pat", Map.of("actionOutcome",
        "cannotOnTime", "newDueDate", due.plusDays(5).toString()))).hasMessageContaining("The reason is required");
    assertThatThrownBy(() -> journey.complete(action, "Task_CarryOutAction", "pat", Map.of("actionOutcome",
        "cannotOnTime", "delayReason", "Late", "newDueDate", LocalDate.now().minusDays(1).toString())))
        .hasMessageContaining("The new date cannot be in the past");
    assertThatThrownBy(() -> journey.complete(action, "Task_CarryOutAction", "pat", Map.of("actionOutcome",
        "cannotOnTime", "delayReason", "Late", "newDueDate", due.minusDays(1).toString())))
        .hasMessageContaining("must be after the date it is due now");

    assertThat(action).isWaitingAt("Task_CarryOutAction");
    Assertions.assertThat(actions.deviations(record(action).getId())).isEmpty();
    Assertions.assertThat(record(action).getDueDate()).isEqualTo(due);
  }

  @Test
  void aCompletedActionCannotBeReportedLate() throws Exception {
    ProcessInstance collaboration = journey.runningPartnership("Done Deals", "dd1");
    ProcessInstance action = ours(collaboration);
    journey.complete(action, "Task_CarryOutAction", "pat", Map.of("actionOutcome", "done"));

    assertThatThrownBy(() -> actions.reportDelay(record(action).getId(), "Oops",
        LocalDate.now().plusMonths(2).toString(), "pat")).hasMessageContaining("cannot be reported late");
  }

  @Test
  void thePartnersLateActionGetsNoticesAndASupportTaskForUs() throws Exception {
    ProcessInstance collaboration = journey.runningPartnership("Needs Help CIC", "nh1");
    ProcessInstance action = partners(collaboration);
    String partnerGroup = (String) engine.getRuntimeService().getVariable(action.getId(), "actionGroup");
    Assertions.assertThat(candidateGroups(journey.task(action).getId())).containsExactly(partnerGroup);
    assertThat(journey.task(action)).isAssignedTo("riley");
    Instant due = endOf(LocalDate.now().plusMonths(3));

    moveClockTo(due.plusSeconds(60));
    journey.runJobs(action);

    Assertions.assertThat(mail.getReceivedMessagesForDomain("riley@riverside-trust.example"))
        .anyMatch(m -> subject(m).startsWith("Overdue: \"Run 10 sessions\""))
        .anyMatch(m -> subject(m).startsWith("Reminder: \"Run 10 sessions\""));
    assertThat(action).isWaitingAt("Task_CarryOutAction", "Task_SupportPartner");
    journey.complete(action, "Task_SupportPartner", "pat", Map.of("supportOffered", "We lend a trainer for two sessions"));
    Assertions.assertThat(record(action).getSupportOffered()).isEqualTo("We lend a trainer for two sessions");

    journey.complete(action, "Task_CarryOutAction", "nh1", Map.of("actionOutcome", "done"));
    assertThat(action).isEnded();
    Assertions.assertThat(record(action).getOnTime()).isFalse();
  }

  private List<String> candidateGroups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
  }

  private List<ProcessInstance> agreedActions(ProcessInstance collaboration) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agreedAction")
        .superProcessInstanceId(collaboration.getId()).list();
  }

  private ProcessInstance ours(ProcessInstance collaboration) throws Exception {
    mail.purgeEmailFromAllMailboxes(); // the mails of getting here are not these tests' concern
    return byOwner(collaboration, "ours");
  }

  private ProcessInstance partners(ProcessInstance collaboration) throws Exception {
    mail.purgeEmailFromAllMailboxes();
    return byOwner(collaboration, "partner");
  }

  private ProcessInstance byOwner(ProcessInstance collaboration, String owner) {
    return agreedActions(collaboration).stream()
        .filter(instance -> owner.equals(engine.getRuntimeService().getVariable(instance.getId(), "actionOwner")))
        .findFirst().orElseThrow();
  }

  private ActionRecord record(ProcessInstance action) {
    Long id = ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(action.getId()).variableName("actionId").singleResult().getValue()).longValue();
    return actions.find(id);
  }

  private Job timer(ProcessInstance action, String boundaryEvent) {
    return engine.getManagementService().createJobQuery().processInstanceId(action.getId()).timers()
        .activityId(boundaryEvent).singleResult();
  }

  private MimeMessage only(String address) {
    MimeMessage[] received = mail.getReceivedMessagesForDomain(address);
    Assertions.assertThat(received).hasSize(1);
    return received[0];
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static void moveClockTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
