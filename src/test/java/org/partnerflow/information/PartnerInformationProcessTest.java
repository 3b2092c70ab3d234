package org.partnerflow.information;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.information.InformationItem.Status;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * Every path of {@code partnerInformation}: kept without review and deleted when its retention
 * ends; personal data reviewed and accepted with conditions, then anonymised; refused, corrected
 * and accepted; refused and withdrawn with the partner told; outside the agreement and flagged; and
 * bad input refused with nothing stored. The agreement allows legitimate interests and two years.
 */
@PartnerflowSpringTest
class PartnerInformationProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  InformationService information;
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
  void informationWithinTheAgreementIsKeptUntilItsRetentionEndsThenDeletedByItsOwner() {
    String reference = journey.runningPartnership("Plain Facts", "pl1").getBusinessKey();
    ProcessInstance instance = journey.start("partnerInformation", "pat", Journey.informationItem(reference, false, "P6M"));

    assertThat(instance).isWaitingAt("Event_RetentionPeriodEnds").hasNotPassed("Task_ReviewInformation");
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey()).isEqualTo(reference);
    InformationItem kept = itemOf(instance);
    Assertions.assertThat(kept.getStatus()).isEqualTo(Status.KEPT);
    Assertions.assertThat(kept.getDeletionDue()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(6));
    Assertions.assertThat(kept.getDataOwner()).isEqualTo("pat");

    moveClockTo(kept.getDeletionDue().atTime(9, 1).toInstant(ZoneOffset.UTC));
    journey.runJobs(instance);

    var task = journey.task(instance, "Task_DisposeInformation");
    assertThat(task).isAssignedTo("pat");
    Assertions.assertThat(task.getDueDate().toInstant())
        .isEqualTo(kept.getDeletionDue().atTime(9, 0).toInstant(ZoneOffset.UTC));
    journey.complete(instance, "Task_DisposeInformation", "pat", Map.of("disposal", "deleted",
        "disposalNote", "Removed from the shared drive and the mailbox"));

    assertThat(instance).isEnded().hasPassed("EndEvent_InformationDisposed");
    InformationItem deleted = information.find(kept.getId());
    Assertions.assertThat(deleted.getStatus()).isEqualTo(Status.DELETED);
    Assertions.assertThat(deleted.getDisposedBy()).isEqualTo("pat");
    Assertions.assertThat(deleted.getDisposedAt()).isNotNull();
  }

  @Test
  void personalDataIsReviewedByDataProtectionAcceptedWithConditionsAndLaterAnonymised() {
    String reference = journey.runningPartnership("Named Learners", "nl1").getBusinessKey();
    ProcessInstance instance = journey.start("partnerInformation", "pat", Journey.informationItem(reference, true, "P1Y"));

    assertThat(instance).isWaitingAt("Task_ReviewInformation");
    assertThat(journey.task(instance, "Task_ReviewInformation")).hasCandidateGroup("data-protection");
    Assertions.assertThat(itemOf(instance).getStatus()).isEqualTo(Status.UNDER_REVIEW);
    assertThatThrownBy(() -> journey.complete(instance, "Task_ReviewInformation", "dana",
        Map.of("reviewDecision", "acceptWithConditions"))).hasMessageContaining("The conditions is required");
    journey.complete(instance, "Task_ReviewInformation", "dana", Map.of("reviewDecision", "acceptWithConditions",
        "reviewNote", "Keep it in the locked folder only"));

    assertThat(instance).isWaitingAt("Event_RetentionPeriodEnds");
    InformationItem accepted = itemOf(instance);
    Assertions.assertThat(accepted.getStatus()).isEqualTo(Status.ACCEPTED_WITH_CONDITIONS);
    Assertions.assertThat(accepted.getReviewedBy()).isEqualTo("dana");

    moveClockTo(accepted.getDeletionDue().atTime(9, 1).toInstant(ZoneOffset.UTC));
    journey.runJobs(instance);
    journey.complete(instance, "Task_DisposeInformation", "pat", Map.of("disposal", "anonymised",
        "disposalNote", "Names replaced by counts"));

    Assertions.assertThat(information.find(accepted.getId()).getStatus()).isEqualTo(Status.ANONYMISED);
  }

  @Test
  void refusedInformationIsCorrectedByItsOwnerAndReviewedAgain() {
    String reference = journey.runningPartnership("Second Go", "sg1").getBusinessKey();
    ProcessInstance instance = journey.start("partnerInformation", "pat", Journey.informationItem(reference, true, "P1Y"));
    journey.complete(instance, "Task_ReviewInformation", "dana", Map.of("reviewDecision", "refuse",
        "reviewNote", "Say which learners: only those who agreed"));

    assertThat(instance).isWaitingAt("Task_CorrectInformation");
    assertThat(journey.task(instance, "Task_CorrectInformation")).isAssignedTo("pat");
    Assertions.assertThat(itemOf(instance).getStatus()).isEqualTo(Status.REFUSED);
    Map<String, Object> corrected = Journey.informationItem(reference, true, "P1Y");
    corrected.put("correction", "correct");
    corrected.put("informationDescription", "Names of the learners who agreed to be contacted");
    journey.complete(instance, "Task_CorrectInformation", "pat", corrected);

    assertThat(instance).isWaitingAt("Task_ReviewInformation");
    Assertions.assertThat(itemOf(instance).getDescription()).isEqualTo("Names of the learners who agreed to be contacted");
    journey.complete(instance, "Task_ReviewInformation", "dana", Map.of("reviewDecision", "accept"));

    assertThat(instance).isWaitingAt("Event_RetentionPeriodEnds");
    Assertions.assertThat(itemOf(instance).getStatus()).isEqualTo(Status.ACCEPTED);
    Assertions.assertThat(information.ofPartnership(itemOf(instance).getPartnership().getId())).hasSize(1);
  }

  @Test
  void refusedInformationCanBeWithdrawnAndThePartnerIsTold() throws Exception {
    String reference = journey.runningPartnership("Taken Back", "tb1").getBusinessKey();
    ProcessInstance instance = journey.start("partnerInformation", "pat", Journey.informationItem(reference, true, "P1Y"));
    journey.complete(instance, "Task_ReviewInformation", "dana", Map.of("reviewDecision", "refuse",
        "reviewNote", "We have no need for home addresses"));
    mail.purgeEmailFromAllMailboxes();
    Map<String, Object> withdrawn = Journey.informationItem(reference, true, "P1Y");
    withdrawn.put("correction", "withdraw");
    withdrawn.put("disposalNote", "The paper list was handed back at the meeting");
    journey.complete(instance, "Task_CorrectInformation", "pat", withdrawn);
    journey.runJobs(instance);

    assertThat(instance).isEnded().hasPassed("EndEvent_InformationReturned");
    Assertions.assertThat(information.find(idOf(instance)).getStatus()).isEqualTo(Status.WITHDRAWN);
    var told = mail.getReceivedMessagesForDomain("riley@riverside-trust.example");
    Assertions.assertThat(told).hasSize(1);
    Assertions.assertThat(told[0].getSubject()).startsWith("Information returned to you: Names and attendance");
    Assertions.assertThat(GreenMailUtil.getBody(told[0])).contains("We have no need for home addresses")
        .contains("handed back at the meeting");
  }

  @Test
  void informationOutsideTheAgreementsArrangementsIsFlaggedToDataProtection() {
    String reference = journey.runningPartnership("Long Keepers", "lk1").getBusinessKey();
    Map<String, Object> values = Journey.informationItem(reference, true, "P5Y");
    values.put("informationLawfulBasis", "consent");
    ProcessInstance instance = journey.start("partnerInformation", "pat", values);

    assertThat(instance).isWaitingAt("Task_ReviewInformation");
    String flag = (String) engine.getRuntimeService().getVariable(instance.getId(), "outsideArrangements");
    Assertions.assertThat(flag).contains("the agreement names the lawful basis 'legitimate interests', not 'consent'")
        .contains("kept for 5 years, longer than the agreed 2 years");

    // not personal, but kept longer than agreed: still reviewed
    ProcessInstance longKept = journey.start("partnerInformation", "pat", Journey.informationItem(reference, false, "P3Y"));
    assertThat(longKept).isWaitingAt("Task_ReviewInformation");
  }

  @Test
  void badInputIsRefusedWithAClearMessageAndNothingIsStored() {
    String reference = journey.runningPartnership("Careless Input", "ci1").getBusinessKey();
    long before = information.all().size();
    Map<String, Object> noBasis = Journey.informationItem(reference, true, "P1Y");
    noBasis.remove("informationLawfulBasis");
    Map<String, Object> badRetention = Journey.informationItem(reference, false, "two years");
    Map<String, Object> unknownPartnership = Journey.informationItem("PF-999999", false, "P1Y");

    assertThatThrownBy(() -> journey.start("partnerInformation", "pat", noBasis))
        .hasMessageContaining("Personal data needs a lawful basis");
    assertThatThrownBy(() -> journey.start("partnerInformation", "pat", badRetention))
        .hasMessageContaining("How long it is kept must be a period such as P1M");
    assertThatThrownBy(() -> journey.start("partnerInformation", "pat", unknownPartnership))
        .hasMessageContaining("There is no partnership PF-999999");

    Assertions.assertThat(information.all()).hasSize((int) before);
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("partnerInformation").processInstanceBusinessKey(reference).count()).isZero();
  }

  private Long idOf(ProcessInstance instance) {
    return ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("informationId").singleResult().getValue()).longValue();
  }

  private InformationItem itemOf(ProcessInstance instance) {
    return information.find(idOf(instance));
  }

  private static void moveClockTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
