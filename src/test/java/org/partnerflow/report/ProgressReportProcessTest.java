package org.partnerflow.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
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
import org.partnerflow.agreement.Side;
import org.partnerflow.register.PartnershipRepository;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * Every path of {@code progressReport}, started by the running partnership's reporting cycles with
 * the engine clock moved: our report (pre-filled, recorded, mailed), the partner's report (chased,
 * then the manager told), feedback and its acknowledgement, personal data handed to data protection,
 * and a period reported twice refused. The draft agreement has us report monthly, the partner
 * quarterly.
 */
@PartnerflowSpringTest
class ProgressReportProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReportService reports;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  GreenMail mail;

  Journey journey;

  @BeforeEach
  void setUp() {
    init(engine);
    journey = new Journey(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachSidesReportingCycleFiresAtTheEndOfEveryAgreedPeriod() {
    ProcessInstance collaboration = journey.runningPartnership("Cyclic Trust", "ct1");
    Instant firstOurs = nineOn(LocalDate.now(ZoneOffset.UTC).plusMonths(1));
    Instant firstPartner = nineOn(LocalDate.now(ZoneOffset.UTC).plusMonths(3));

    Assertions.assertThat(cycle(collaboration, "StartEvent_OurReportingPeriodEnds").getDuedate().toInstant())
        .isEqualTo(firstOurs);
    Assertions.assertThat(cycle(collaboration, "StartEvent_PartnerReportingPeriodEnds").getDuedate().toInstant())
        .isEqualTo(firstPartner);

    fire(collaboration, "StartEvent_OurReportingPeriodEnds");

    ProcessInstance report = reportOf(collaboration, "ours");
    assertThat(report).isWaitingAt("Task_PrepareOurReport");
    Assertions.assertThat(cycle(collaboration, "StartEvent_OurReportingPeriodEnds").getDuedate().toInstant())
        .isEqualTo(nineOn(LocalDate.now(ZoneOffset.UTC).plusMonths(2)));
    Assertions.assertThat(cycle(collaboration, "StartEvent_PartnerReportingPeriodEnds").getDuedate().toInstant())
        .isEqualTo(firstPartner);
  }

  @Test
  void ourReportIsPrefilledFromTheRegisterKeptAndMailedToThePartnersContacts() throws Exception {
    ProcessInstance collaboration = journey.runningPartnership("Prefilled Trust", "pf1");
    ProcessInstance ourAction = action(collaboration, "Lend 20 laptops");
    journey.complete(ourAction, "Task_CarryOutAction", "pat", Map.of("actionOutcome", "cannotOnTime",
        "delayReason", "The supplier is late", "newDueDate", LocalDate.now().plusMonths(2).toString()));
    fire(collaboration, "StartEvent_OurReportingPeriodEnds");
    ProcessInstance report = reportOf(collaboration, "ours");
    var task = journey.task(report, "Task_PrepareOurReport");

    Map<String, Object> shown = engine.getTaskService().getVariables(task.getId());
    // from the day the agreement came into force to the day before the period ended
    Assertions.assertThat(shown).containsEntry("periodStart", LocalDate.now(ZoneOffset.UTC).toString())
        .containsEntry("periodEnd", LocalDate.now(ZoneOffset.UTC).plusMonths(1).minusDays(1).toString())
        .containsEntry("plannedMoney", "3000").containsEntry("plannedStaffDays", "10.5")
        .containsEntry("actionsOpen", 0);
    Assertions.assertThat((String) shown.get("deviationsView"))
        .contains("Lend 20 laptops: moved from").contains("because The supplier is late");
    Assertions.assertThat(task.getName()).isEqualTo("Prepare our progress report: " + shown.get("periodStart")
        + " to " + shown.get("periodEnd") + " (Prefilled Trust)");
    assertThat(task).hasCandidateGroup("partnership-managers");

    mail.purgeEmailFromAllMailboxes();
    journey.complete(report, "Task_PrepareOurReport", "pat", Journey.ourReport());
    journey.runJobs(report);

    assertThat(report).isEnded().hasPassed("EndEvent_OurReportSent");
    ProgressReport kept = reportsOf(collaboration).get(0);
    Assertions.assertThat(kept.getSide()).isEqualTo(Side.OURS);
    Assertions.assertThat(kept.getDeviations()).isEqualTo(1);
    Assertions.assertThat(kept.getMoneyToDate()).isEqualByComparingTo("1200");
    Assertions.assertThat(kept.getSubmittedBy()).isEqualTo("pat");
    for (String contact : List.of("riley@riverside-trust.example", "pf1@partner.example")) {
      MimeMessage sent = only(contact);
      Assertions.assertThat(sent.getSubject()).isEqualTo("Progress report from Northshire Council: "
          + shown.get("periodStart") + " to " + shown.get("periodEnd") + " (" + collaboration.getBusinessKey() + ")");
      Assertions.assertThat(GreenMailUtil.getBody(sent)).contains("Laptops lent to two libraries")
          .contains("The supplier is late");
    }
  }

  @Test
  void aPeriodReportedAlreadyIsRefusedAndNothingIsStored() {
    ProcessInstance collaboration = journey.runningPartnership("Twice Told", "tt1");
    fire(collaboration, "StartEvent_OurReportingPeriodEnds");
    ProcessInstance first = reportOf(collaboration, "ours");
    journey.complete(first, "Task_PrepareOurReport", "pat", Journey.ourReport());
    fire(collaboration, "StartEvent_OurReportingPeriodEnds");
    ProcessInstance second = reportOf(collaboration, "ours");
    Map<String, Object> again = new HashMap<>(Journey.ourReport());
    again.put("periodStart", reportsOf(collaboration).get(0).getPeriodStart().toString());

    assertThatThrownBy(() -> journey.complete(second, "Task_PrepareOurReport", "pat", again))
        .hasMessageContaining("was reported already").hasMessageContaining("choose the period after it");

    assertThat(second).isWaitingAt("Task_PrepareOurReport");
    Assertions.assertThat(reportsOf(collaboration)).hasSize(1);
    Assertions.assertThat(engine.getTaskService().getVariable(journey.task(second, "Task_PrepareOurReport").getId(),
        "periodStart")).isEqualTo(reportsOf(collaboration).get(0).getPeriodEnd().plusDays(1).toString());
  }

  @Test
  void aLatePartnerReportIsChasedThenThePartnershipManagerIsToldAfterTheSecondMiss() throws Exception {
    ProcessInstance collaboration = journey.runningPartnership("Tardy Trust", "tt2");
    fire(collaboration, "StartEvent_PartnerReportingPeriodEnds");
    ProcessInstance report = reportOf(collaboration, "partner");
    var task = journey.task(report, "Task_SendPartnerReport");
    assertThat(task).hasCandidateGroup((String) engine.getRuntimeService().getVariable(report.getId(), "partnerGroup"));
    Instant due = task.getDueDate().toInstant();
    Assertions.assertThat(due).isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(10)));
    mail.purgeEmailFromAllMailboxes();

    moveClockTo(due.plusSeconds(60));
    journey.runJobs(report);
    Assertions.assertThat(only("tt2@partner.example").getSubject()).startsWith("Your progress report for");
    Assertions.assertThat(mail.getReceivedMessagesForDomain("pat@partnerflow.example")).isEmpty();
    assertThat(report).hasPassed("EndEvent_PartnerChased").hasNotPassed("EndEvent_ManagerTold");

    moveClockTo(due.plus(Duration.ofDays(7)).plusSeconds(60));
    journey.runJobs(report);
    Assertions.assertThat(only("pat@partnerflow.example").getSubject()).startsWith("Still missing: the progress "
        + "report of Tardy Trust");
    assertThat(report).hasPassed("EndEvent_ManagerTold").isWaitingAt("Task_SendPartnerReport");
  }

  @Test
  void thePartnersReportGetsOurFeedbackWhichThePartnerAcknowledges() throws Exception {
    ProcessInstance collaboration = journey.runningPartnership("Feedback Friends", "ff1");
    fire(collaboration, "StartEvent_PartnerReportingPeriodEnds");
    ProcessInstance report = reportOf(collaboration, "partner");
    journey.complete(report, "Task_SendPartnerReport", "ff1", Journey.partnerReport(false));

    assertThat(report).isWaitingAt("Task_GiveFeedback").hasNotPassed("Task_HandOverPersonalData");
    // left empty, so the feedback form and the mails leave the heading out
    Assertions.assertThat(engine.getRuntimeService().getVariables(report.getId())).containsEntry("issues", null)
        .containsEntry("supportNeeded", "A projector");
    assertThat(journey.task(report, "Task_GiveFeedback")).hasCandidateGroup("partnership-managers");
    mail.purgeEmailFromAllMailboxes();
    journey.complete(report, "Task_GiveFeedback", "pat", Journey.feedback());
    journey.runJobs(report);

    Assertions.assertThat(only("ff1@partner.example").getSubject()).startsWith("Feedback from Northshire Council");
    Assertions.assertThat(GreenMailUtil.getBody(only("riley@riverside-trust.example"))).contains("We lend a projector");
    var acknowledge = journey.task(report, "Task_AcknowledgeFeedback");
    Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(acknowledge.getId()))
        .extracting(link -> link.getGroupId()).containsExactly((String) engine.getRuntimeService()
            .getVariable(report.getId(), "partnerGroup"));

    assertThatThrownBy(() -> journey.complete(report, "Task_AcknowledgeFeedback", "ff1", Map.of("feedbackRead", false)))
        .hasMessageContaining("Tick that you have read the feedback");
    journey.complete(report, "Task_AcknowledgeFeedback", "ff1", Map.of("feedbackRead", true,
        "feedbackComment", "Thank you"));

    assertThat(report).isEnded().hasPassed("EndEvent_FeedbackAcknowledged");
    ReportFeedback kept = reports.feedback(partnerships.findByReference(collaboration.getBusinessKey()).orElseThrow()
        .getId()).get(0);
    Assertions.assertThat(kept.getAcknowledgedBy()).isEqualTo("ff1");
    Assertions.assertThat(kept.getPartnerComment()).isEqualTo("Thank you");
    Assertions.assertThat(kept.getReport().getSide()).isEqualTo(Side.PARTNER);
    Assertions.assertThat(kept.getReport().getSubmittedBy()).isEqualTo("ff1");
  }

  @Test
  void personalDataInThePartnersReportGoesToDataProtection() {
    ProcessInstance collaboration = journey.runningPartnership("Personal Partners", "pp2");
    fire(collaboration, "StartEvent_PartnerReportingPeriodEnds");
    ProcessInstance report = reportOf(collaboration, "partner");

    assertThatThrownBy(() -> journey.complete(report, "Task_SendPartnerReport", "pp2", Map.of("summary", "x",
        "periodStart", "2020-01-01", "periodEnd", LocalDate.now().toString(), "moneyToDate", 0, "staffDaysToDate", 0,
        "personalData", true))).hasMessageContaining("Say what personal data the report holds");
    journey.complete(report, "Task_SendPartnerReport", "pp2", Journey.partnerReport(true));

    assertThat(report).hasPassed("Task_HandOverPersonalData").isWaitingAt("Task_GiveFeedback");
    ProcessInstance information = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("partnerInformation").processInstanceBusinessKey(collaboration.getBusinessKey())
        .singleResult();
    assertThat(information).isWaitingAt("Task_DescribeInformation");
    Assertions.assertThat(engine.getRuntimeService().getVariables(information.getId()))
        .containsEntry("informationDescription", "Names of the 12 learners who attended")
        .containsEntry("informationLawfulBasis", "legitimateInterests").containsEntry("personalData", true)
        .containsEntry("informationRetention", "P2Y");

    // the partnership manager confirms what was pre-filled: it is recorded, from the report, and reviewed
    journey.complete(information, "Task_DescribeInformation", "pat", Map.of());
    assertThat(information).isWaitingAt("Task_ReviewInformation");
    Assertions.assertThat(engine.getRuntimeService().getVariable(information.getId(), "dataOwner")).isEqualTo("pat");
    Assertions.assertThat(engine.getRuntimeService().getVariable(information.getId(), "reportId"))
        .isEqualTo(engine.getRuntimeService().getVariable(report.getId(), "reportId"));
  }

  private Job cycle(ProcessInstance collaboration, String startEvent) {
    return engine.getManagementService().createJobQuery().processInstanceId(collaboration.getId()).timers()
        .activityId(startEvent).singleResult();
  }

  /** Moves the clock just past the cycle's next date and fires it. */
  private void fire(ProcessInstance collaboration, String startEvent) {
    Job timer = cycle(collaboration, startEvent);
    moveClockTo(timer.getDuedate().toInstant().plusSeconds(60));
    engine.getManagementService().executeJob(timer.getId());
  }

  private ProcessInstance reportOf(ProcessInstance collaboration, String side) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("progressReport")
        .processInstanceBusinessKey(collaboration.getBusinessKey()).variableValueEquals("reportingSide", side)
        .active().list().stream().reduce((first, second) -> second).orElseThrow();
  }

  private ProcessInstance action(ProcessInstance collaboration, String title) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agreedAction")
        .processInstanceBusinessKey(collaboration.getBusinessKey()).variableValueEquals("actionTitle", title)
        .singleResult();
  }

  private List<ProgressReport> reportsOf(ProcessInstance collaboration) {
    return reports.reports(partnerships.findByReference(collaboration.getBusinessKey()).orElseThrow().getId());
  }

  /** The one mail sent to the address (GreenMail keeps a copy per recipient of a mail to several). */
  private MimeMessage only(String address) {
    List<MimeMessage> received = java.util.Arrays.stream(mail.getReceivedMessagesForDomain(address))
        .filter(distinctBy(ProgressReportProcessTest::messageId)).toList();
    Assertions.assertThat(received).hasSize(1);
    return received.get(0);
  }

  private static java.util.function.Predicate<MimeMessage> distinctBy(
      java.util.function.Function<MimeMessage, String> key) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return message -> seen.add(key.apply(message));
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant nineOn(LocalDate day) {
    return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
  }

  private static void moveClockTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
