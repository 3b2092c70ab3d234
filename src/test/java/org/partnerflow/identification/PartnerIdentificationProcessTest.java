package org.partnerflow.identification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.register.PartnershipRepository;
import org.partnerflow.register.PartnershipStatus;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/** Every path of {@code partnerIdentification}, driven as the people in each role drive it. */
@PartnerflowSpringTest
class PartnerIdentificationProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  FeasibilityEvaluationRepository evaluations;
  @Autowired
  CollaborationDecisionRepository decisions;
  @Autowired
  GreenMail mail;

  Journey journey;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    journey = new Journey(engine);
    mail.purgeEmailFromAllMailboxes();
  }

  @Test
  void approvedProposalTellsTheProposerAndStartsAgreeingTheCollaboration() throws Exception {
    ProcessInstance instance = journey.propose("pat", Journey.proposal("Riverside Trust"));

    assertThat(instance).isWaitingAt("Task_EvaluateFeasibility").hasPassed("Task_RecordProposal");
    Task evaluate = task(instance);
    Assertions.assertThat(evaluate.getName()).isEqualTo("Evaluate feasibility: Riverside Trust");
    assertThat(evaluate).hasCandidateGroup("partnership-managers");
    Assertions.assertThat(evaluate.getDueDate().toInstant())
        .isBetween(Instant.now().plus(Duration.ofDays(9)), Instant.now().plus(Duration.ofDays(11)));
    Assertions.assertThat(instance.getBusinessKey()).matches("PF-\\d+");

    journey.complete(instance, "pat", Journey.favourableEvaluation());

    assertThat(instance).isWaitingAt("Task_DecideCollaboration")
        .hasPassed("Task_RecordEvaluation", "Task_RecommendCollaboration")
        .variables().containsEntry("recommendation", "collaborate").containsEntry("evaluatedBy", "pat")
        .containsEntry("ourNetBenefit", 12800.0).containsEntry("partnerNetBenefit", 9200.0)
        .doesNotContainKey("recommendationResult");
    assertThat(task(instance)).hasCandidateGroup("senior-managers").hasName("Decide whether to collaborate: Riverside Trust");

    journey.complete(instance, "sam", Map.of("decision", "approve", "decisionReason", "Fits our inclusion plan"));

    assertThat(instance).isWaitingAt("Task_InformProposerOfApproval");
    execute(job());
    assertThat(instance).isEnded().hasPassed("EndEvent_PartnershipApproved");
    ProcessInstance agreement = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("collaborationAgreement").processInstanceBusinessKey(instance.getBusinessKey())
        .singleResult();
    assertThat(agreement).isWaitingAt("Task_DraftAgreement");
    Assertions.assertThat(partnerships.findByReference(instance.getBusinessKey()).orElseThrow().getStatus())
        .isEqualTo(PartnershipStatus.AGREEING);

    MimeMessage[] received = mail.getReceivedMessagesForDomain("pat@partnerflow.example");
    Assertions.assertThat(received).hasSize(1);
    Assertions.assertThat(received[0].getSubject()).isEqualTo("Approved: a partnership with Riverside Trust ("
        + instance.getBusinessKey() + ")");
    Assertions.assertThat(GreenMailUtil.getBody(received[0])).contains("Fits our inclusion plan", "Sam Okafor");
  }

  @Test
  void rejectedProposalIsRecordedNotPursuedAndTheProposerReadsTheReason() throws Exception {
    ProcessInstance instance = journey.propose("pat", Journey.proposal("Hilltop Builders"));
    journey.complete(instance, "pat", Journey.favourableEvaluation());
    journey.complete(instance, "sam", Map.of("decision", "reject", "decisionReason", "No budget this year"));

    assertThat(instance).isWaitingAt("Task_InformProposerOfRejection");
    execute(job());

    assertThat(instance).isEnded().hasPassed("Task_InformProposerOfRejection", "EndEvent_PartnershipNotPursued");
    Assertions.assertThat(partnerships.findByReference(instance.getBusinessKey()).orElseThrow().getStatus())
        .isEqualTo(PartnershipStatus.NOT_PURSUED);
    Long id = partnerships.findByReference(instance.getBusinessKey()).orElseThrow().getId();
    Assertions.assertThat(decisions.findByPartnershipIdOrderById(id)).singleElement()
        .satisfies(d -> Assertions.assertThat(d.getReason()).isEqualTo("No budget this year"));
    MimeMessage[] received = mail.getReceivedMessagesForDomain("pat@partnerflow.example");
    Assertions.assertThat(received).hasSize(1);
    Assertions.assertThat(received[0].getSubject()).startsWith("Not pursued: a partnership with Hilltop Builders");
    Assertions.assertThat(GreenMailUtil.getBody(received[0])).contains("No budget this year",
        "The decision table had recommended collaborating: Both organisations would gain");
  }

  @Test
  void aMailServerOutageBecomesRetriesThenAnIncidentAndTheMailGoesOnceWhenItIsBack() throws Exception {
    ProcessInstance instance = journey.propose("pat", Journey.proposal("Harbour Foodbank"));
    journey.complete(instance, "pat", Journey.favourableEvaluation());
    journey.complete(instance, "sam", Map.of("decision", "reject", "decisionReason", "Out of scope"));
    assertThat(instance).isWaitingAt("Task_InformProposerOfRejection");
    var managementService = engine.getManagementService();
    String jobId = job().getId();

    mail.stop();
    try {
      assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();
      Assertions.assertThat(managementService.createJobQuery().jobId(jobId).singleResult().getRetries()).isEqualTo(4);
      managementService.setJobRetries(jobId, 1);
      assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();
      Assertions.assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
          .singleResult().getActivityId()).isEqualTo("Task_InformProposerOfRejection");
    } finally {
      mail.start();
    }

    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);

    assertThat(instance).isEnded().hasPassed("EndEvent_PartnershipNotPursued");
    Assertions.assertThat(mail.getReceivedMessagesForDomain("pat@partnerflow.example")).hasSize(1);
  }

  @Test
  void askingForMoreInformationReturnsTheQuestionToTheEvaluatorAndKeepsBothEvaluations() {
    ProcessInstance instance = journey.propose("pat", Journey.proposal("Northgate College"));
    journey.complete(instance, "pat", Journey.favourableEvaluation());
    journey.complete(instance, "sam", Map.of("decision", "moreInformation", "decisionReason", "Unclear costs",
        "moreInformationQuestion", "What do volunteers cost them?"));

    assertThat(task(instance)).isAssignedTo("pat");
    assertThat(instance).isWaitingAt("Task_EvaluateFeasibility").variables()
        .containsEntry("moreInformationRequested", true)
        .containsEntry("moreInformationQuestion", "What do volunteers cost them?");
    Assertions.assertThat(partnerships.findByReference(instance.getBusinessKey()).orElseThrow().getStatus())
        .isEqualTo(PartnershipStatus.MORE_INFORMATION_REQUESTED);

    journey.complete(instance, "pat", Journey.favourableEvaluation());
    assertThat(instance).isWaitingAt("Task_DecideCollaboration").variables()
        .doesNotContainKeys("decision", "decisionReason");
    journey.complete(instance, "sam", Map.of("decision", "approve", "decisionReason", "Now clear"));
    execute(job());

    assertThat(instance).isEnded().hasPassed("EndEvent_PartnershipApproved");
    Long id = partnerships.findByReference(instance.getBusinessKey()).orElseThrow().getId();
    Assertions.assertThat(evaluations.findByPartnershipIdOrderById(id)).extracting(FeasibilityEvaluation::getQuestionAnswered)
        .containsExactly(null, "What do volunteers cost them?");
    Assertions.assertThat(decisions.findByPartnershipIdOrderById(id)).extracting(CollaborationDecision::getOutcome)
        .containsExactly(CollaborationDecision.Outcome.MORE_INFORMATION, CollaborationDecision.Outcome.APPROVE);
  }

  @Test
  void theEvaluatorCannotDecideAndNothingChangesWhenTheyTry() {
    ProcessInstance instance = journey.propose("pat", Journey.proposal("Lakeside Housing"));
    journey.complete(instance, "robin", Journey.favourableEvaluation());
    Task decide = task(instance);

    assertThatThrownBy(() -> journey.complete(instance, "robin",
        Map.of("decision", "approve", "decisionReason", "I like it")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("You evaluated this proposal, so you cannot also decide it");

    assertThat(instance).isWaitingAt("Task_DecideCollaboration");
    Assertions.assertThat(task(instance).getId()).isEqualTo(decide.getId());
    Long id = partnerships.findByReference(instance.getBusinessKey()).orElseThrow().getId();
    Assertions.assertThat(decisions.findByPartnershipIdOrderById(id)).isEmpty();
    Assertions.assertThat(partnerships.findById(id).orElseThrow().getStatus()).isEqualTo(PartnershipStatus.AWAITING_DECISION);

    engine.getTaskService().setAssignee(decide.getId(), null);
    journey.complete(instance, "sam", Map.of("decision", "approve", "decisionReason", "Second pair of eyes"));
    assertThat(instance).isWaitingAt("Task_InformProposerOfApproval");
  }

  @Test
  void aProposalWithMissingOrMalformedFieldsIsRefusedAndLeavesNoTrace() {
    long before = partnerships.count();
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, Object> badEmail = Journey.proposal("Broken Org");
    badEmail.put("contactEmail", "riley at riverside");
    Map<String, Object> noName = Journey.proposal("  ");

    assertThatThrownBy(() -> journey.propose("pat", badEmail)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("e-mail address");
    assertThatThrownBy(() -> journey.propose("pat", noName)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("name is required");

    Assertions.assertThat(partnerships.count()).isEqualTo(before);
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void anEvaluationWithAScoreOutOfRangeOrAnUnexplainedMitigationIsRefused() {
    ProcessInstance instance = journey.propose("pat", Journey.proposal("Eastbank Trust"));
    Map<String, Object> outOfRange = Journey.favourableEvaluation();
    outOfRange.put("valuesScore", 7);
    Map<String, Object> noMitigation = Journey.favourableEvaluation();
    noMitigation.put("risks", Journey.jsonList("[{\"description\":\"Fraud\",\"likelihood\":\"low\","
        + "\"impact\":\"high\",\"mitigable\":true}]"));

    assertThatThrownBy(() -> journey.complete(instance, "pat", outOfRange))
        .hasMessageContaining("Compatibility of values must be a score from 1 to 5");
    assertThatThrownBy(() -> journey.complete(instance, "pat", noMitigation))
        .hasMessageContaining("Risk 1: say how it can be mitigated");
    assertThat(instance).isWaitingAt("Task_EvaluateFeasibility");
    Long id = partnerships.findByReference(instance.getBusinessKey()).orElseThrow().getId();
    Assertions.assertThat(evaluations.findByPartnershipIdOrderById(id)).isEmpty();
  }
}
