package org.partnerflow.agreement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.register.PartnershipRepository;
import org.partnerflow.register.PartnershipStatus;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.icegreen.greenmail.util.GreenMail;

/** Every path of {@code collaborationAgreement}: sign-offs, sending back, the partner's answer, versions. */
@PartnerflowSpringTest
class CollaborationAgreementProcessTest {

  private static final Map<String, Object> APPROVE_COSTS = Map.of("costsDecision", "approve");
  private static final Map<String, Object> APPROVE_INFORMATION = Map.of("informationDecision", "approve");
  private static final Map<String, Object> APPROVE_OVERALL = Map.of("overallDecision", "approve");

  @Autowired
  ProcessEngine engine;
  @Autowired
  AgreementService agreements;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  GreenMail mail;
  @Autowired
  TestRestTemplate rest;

  Journey journey;

  @BeforeEach
  void setUp() throws Exception {
    init(engine);
    journey = new Journey(engine);
    mail.purgeEmailFromAllMailboxes();
  }

  @Test
  void signedOffByAllThreeAndConfirmedByThePartnerBecomesVersionOneWithItsItemsAsRows() throws Exception {
    ProcessInstance agreement = journey.approvedPartnership("Riverside Trust");
    String partnerContact = partnerContact(agreement, "alex");
    assertThat(agreement).isWaitingAt("Task_DraftAgreement");
    assertThat(journey.task(agreement)).hasCandidateGroup("partnership-managers")
        .hasName("Draft the collaboration agreement: Riverside Trust");

    journey.complete(agreement, "Task_DraftAgreement", "pat", Journey.draftAgreement());
    assertThat(agreement).isWaitingAt("Task_SignOffCosts", "Task_SignOffInformation", "Task_SignOffAgreement");
    assertThat(journey.task(agreement, "Task_SignOffCosts")).hasCandidateGroup("finance");
    assertThat(journey.task(agreement, "Task_SignOffInformation")).hasCandidateGroup("data-protection");
    assertThat(journey.task(agreement, "Task_SignOffAgreement")).hasCandidateGroup("senior-managers");

    signOffByAllThree(agreement);
    Assertions.assertThat(mail.getReceivedMessagesForDomain("riley@riverside-trust.example")).singleElement()
        .satisfies(m -> Assertions.assertThat(m.getSubject()).startsWith("Invitation: confirm the collaboration agreement"));
    assertThat(agreement).isWaitingAt("Task_ConfirmAgreement");

    journey.complete(agreement, "Task_ConfirmAgreement", partnerContact, Map.of("partnerDecision", "confirm"));
    journey.runJobs(agreement);

    assertThat(agreement).isEnded().hasPassed("Task_RecordAgreement", "EndEvent_AgreementInForce");
    AgreementVersion version = agreements.current(agreement.getBusinessKey()).orElseThrow();
    Assertions.assertThat(version.getVersion()).isEqualTo(1);
    Assertions.assertThat(version.approvals()).isEqualTo(new AgreementVersion.Approvals("pat", "fran", "dana", "sam",
        partnerContact));
    AgreementTerms terms = version.terms();
    Assertions.assertThat(terms.actions()).extracting(AgreedAction::title, AgreedAction::owner)
        .containsExactly(Assertions.tuple("Lend 20 laptops", Side.OURS), Assertions.tuple("Run 10 sessions", Side.PARTNER));
    Assertions.assertThat(terms.costs()).extracting(AgreedCost::staffDays).extracting(Number::doubleValue)
        .containsExactly(10.5, 24.0);
    Assertions.assertThat(terms.communication().partnerReportingPeriod()).hasToString("P3M");
    Assertions.assertThat(partnerships.findByReference(agreement.getBusinessKey()).orElseThrow().getStatus())
        .isEqualTo(PartnershipStatus.AGREED);
    for (String side : List.of("pat@partnerflow.example", "riley@riverside-trust.example")) {
      Assertions.assertThat(mail.getReceivedMessagesForDomain(side)).as(side)
          .anySatisfy(m -> {
            Assertions.assertThat(m.getSubject()).startsWith("Agreed: version 1");
            Assertions.assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(m))
                .contains("Run 10 sessions (Riverside Trust", "reports every month, Riverside Trust every 3 months");
          });
    }
  }

  @Test
  void anyApproverCanSendTheDraftBackAndTheDrafterSeesTheComments() {
    for (String sender : List.of("Task_SignOffCosts", "Task_SignOffInformation", "Task_SignOffAgreement")) {
      ProcessInstance agreement = journey.approvedPartnership("Sendback " + sender);
      journey.complete(agreement, "Task_DraftAgreement", "pat", Journey.draftAgreement());
      String decisionKey = switch (sender) {
        case "Task_SignOffCosts" -> "costs";
        case "Task_SignOffInformation" -> "information";
        default -> "overall";
      };
      journey.complete(agreement, "Task_SignOffCosts", "fran",
          sender.equals("Task_SignOffCosts") ? sendBack("costs") : APPROVE_COSTS);
      journey.complete(agreement, "Task_SignOffInformation", "dana",
          sender.equals("Task_SignOffInformation") ? sendBack("information") : APPROVE_INFORMATION);
      journey.complete(agreement, "Task_SignOffAgreement", "sam",
          sender.equals("Task_SignOffAgreement") ? sendBack("overall") : APPROVE_OVERALL);
      journey.runJobs(agreement);

      assertThat(agreement).as(sender).isWaitingAt("Task_DraftAgreement").hasNotPassed("Task_InvitePartnerToConfirm")
          .variables().containsEntry(decisionKey + "Comments", "Please change the " + decisionKey);
      Assertions.assertThat(mail.getReceivedMessagesForDomain("riley@riverside-trust.example")).as(sender).isEmpty();

      journey.complete(agreement, "Task_DraftAgreement", "pat", Journey.draftAgreement());
      assertThat(agreement).isWaitingAt("Task_SignOffCosts", "Task_SignOffInformation", "Task_SignOffAgreement")
          .variables().doesNotContainKeys(decisionKey + "Decision", decisionKey + "Comments");
    }
  }

  @Test
  void sendingBackWithoutACommentIsRefused() {
    ProcessInstance agreement = journey.approvedPartnership("Quiet Finance Ltd");
    journey.complete(agreement, "Task_DraftAgreement", "pat", Journey.draftAgreement());

    assertThatThrownBy(() -> journey.complete(agreement, "Task_SignOffCosts", "fran",
        Map.of("costsDecision", "sendBack"))).hasMessageContaining("Say what should change");
    assertThat(agreement).isWaitingAt("Task_SignOffCosts", "Task_SignOffInformation", "Task_SignOffAgreement");
  }

  @Test
  void thePartnerCanAskForChangesWhichGoBackToTheDrafter() {
    ProcessInstance agreement = journey.approvedPartnership("Change Seekers");
    String partnerContact = partnerContact(agreement, "casey");
    journey.complete(agreement, "Task_DraftAgreement", "pat", Journey.draftAgreement());
    signOffByAllThree(agreement);

    journey.complete(agreement, "Task_ConfirmAgreement", partnerContact,
        Map.of("partnerDecision", "requestChanges", "partnerComments", "Sessions monthly, not weekly"));

    assertThat(agreement).isWaitingAt("Task_DraftAgreement").variables()
        .containsEntry("partnerComments", "Sessions monthly, not weekly");
    Assertions.assertThat(agreements.versions(agreement.getBusinessKey())).isEmpty();
  }

  @Test
  void aContactOfAnotherPartnerCanNeitherSeeNorCompleteTheConfirmation() {
    ProcessInstance agreement = journey.approvedPartnership("Privacy First CIC");
    partnerContact(agreement, "morgan");
    ProcessInstance other = journey.approvedPartnership("Other Org Ltd");
    String outsider = partnerContact(other, "olly");
    journey.complete(agreement, "Task_DraftAgreement", "pat", Journey.draftAgreement());
    signOffByAllThree(agreement);
    String taskId = journey.task(agreement, "Task_ConfirmAgreement").getId();

    Assertions.assertThat(journey.as(outsider, () -> engine.getTaskService().createTaskQuery()
        .processInstanceId(agreement.getId()).count())).isZero();
    Assertions.assertThat(journey.as(outsider, () -> engine.getTaskService().createTaskQuery().count())).isZero();
    assertThatThrownBy(() -> journey.as(outsider, () -> {
      engine.getFormService().submitTaskForm(taskId, Map.of("partnerDecision", "confirm"));
      return null;
    })).hasMessageContaining("The user with id 'olly' does not have");
    TestRestTemplate olly = rest.withBasicAuth(outsider, outsider + "-password");
    Assertions.assertThat(olly.getForObject("/engine-rest/task?maxResults=50", String.class)).isEqualTo("[]");
    Assertions.assertThat(olly.getForEntity("/engine-rest/task/" + taskId, String.class).getStatusCode().is4xxClientError())
        .isTrue();
    Assertions.assertThat(olly.getForEntity("/engine-rest/task/" + taskId + "/variables", String.class).getStatusCode()
        .is4xxClientError()).isTrue();
    Assertions.assertThat(olly.postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("partnerDecision", Map.of("value", "confirm"))), String.class).getStatusCode()
        .is4xxClientError()).isTrue();
    Assertions.assertThat(olly.getForEntity("/engine-rest/process-instance/" + agreement.getId() + "/variables",
        String.class).getStatusCode().is4xxClientError()).isTrue();
    assertThat(agreement).isWaitingAt("Task_ConfirmAgreement");
    String insider = (String) engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
    Assertions.assertThat(insider).startsWith("partner-").isNotEqualTo(
        engine.getRuntimeService().getVariable(other.getId(), "partnerGroup"));
  }

  @Test
  void aDraftWithPastDatesMissingOwnersOrMalformedValuesIsRefusedAndNothingIsStored() {
    ProcessInstance agreement = journey.approvedPartnership("Careless Drafts Ltd");
    String yesterday = LocalDate.now().minusDays(1).toString();
    Map<String, String> refusals = Map.of(
        "actions", "[{\"title\":\"Late\",\"owner\":\"ours\",\"responsibleEmail\":\"pat@partnerflow.example\",\"dueDate\":\""
            + yesterday + "\"}]|Action 1: the due date cannot be in the past",
        "costs", "[{\"costFor\":\"\",\"cost\":\"Rent\",\"money\":1,\"staffDays\":0}]|Cost 1: whose cost is required",
        "outcomes", "[]|Add at least one outcome");
    refusals.forEach((list, refusal) -> {
      Map<String, Object> draft = Journey.draftAgreement();
      draft.put(list, Journey.jsonList(refusal.split("\\|")[0]));
      assertThatThrownBy(() -> journey.complete(agreement, "Task_DraftAgreement", "pat", draft))
          .hasMessageContaining(refusal.split("\\|")[1]);
    });
    Map<String, Object> badEmail = Journey.draftAgreement();
    badEmail.put("partnerContactEmail", "riley@");
    assertThatThrownBy(() -> journey.complete(agreement, "Task_DraftAgreement", "pat", badEmail))
        .hasMessageContaining("one e-mail address");
    Map<String, Object> badPeriod = Journey.draftAgreement();
    badPeriod.put("ourReportingPeriod", "monthly");
    assertThatThrownBy(() -> journey.complete(agreement, "Task_DraftAgreement", "pat", badPeriod))
        .hasMessageContaining("How often we report must be a period such as P1M");
    Map<String, Object> reviewToday = Journey.draftAgreement();
    reviewToday.put("firstReviewDate", LocalDate.now().toString());
    assertThatThrownBy(() -> journey.complete(agreement, "Task_DraftAgreement", "pat", reviewToday))
        .hasMessageContaining("The first review date must be after today");

    assertThat(agreement).isWaitingAt("Task_DraftAgreement");
    Assertions.assertThat(agreements.versions(agreement.getBusinessKey())).isEmpty();
  }

  @Test
  void anAmendmentBecomesVersionTwoAndVersionOneIsKept() {
    ProcessInstance first = journey.approvedPartnership("Amending Partners");
    String partnerContact = partnerContact(first, "robbie");
    agree(first, partnerContact, Journey.draftAgreement());

    engine.getRuntimeService().createMessageCorrelation(AgreementVariables.AGREEMENT_REQUESTED)
        .processInstanceBusinessKey(first.getBusinessKey()).correlateStartMessage();
    ProcessInstance amendment = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("collaborationAgreement").processInstanceBusinessKey(first.getBusinessKey()).active()
        .singleResult();
    Map<String, Object> amended = Journey.draftAgreement();
    amended.put("aims", "Bring 500 older residents online in a year");
    agree(amendment, partnerContact, amended);

    Assertions.assertThat(agreements.versions(first.getBusinessKey())).extracting(AgreementVersion::getVersion)
        .containsExactly(1, 2);
    Assertions.assertThat(agreements.versions(first.getBusinessKey()).get(0).terms().aims())
        .isEqualTo("Bring 300 older residents online in a year");
    Assertions.assertThat(agreements.current(first.getBusinessKey()).orElseThrow().terms().aims())
        .isEqualTo("Bring 500 older residents online in a year");

    String register = rest.withBasicAuth("pat", "demo")
        .getForObject("/api/partnerships/" + first.getBusinessKey() + "/agreements", String.class);
    Assertions.assertThat(register).contains("\"version\":1", "\"version\":2", "Bring 300", "Bring 500",
        "\"title\":\"Lend 20 laptops\"", "\"partnerReportingPeriod\":\"P3M\"");
    Assertions.assertThat(rest.withBasicAuth("fran", "demo").getForEntity("/api/partnerships/"
        + first.getBusinessKey() + "/agreements", String.class).getStatusCode().value()).isEqualTo(403);
  }

  private void agree(ProcessInstance agreement, String partnerContact, Map<String, Object> draft) {
    journey.complete(agreement, "Task_DraftAgreement", "pat", draft);
    signOffByAllThree(agreement);
    journey.complete(agreement, "Task_ConfirmAgreement", partnerContact, Map.of("partnerDecision", "confirm"));
    journey.runJobs(agreement);
    assertThat(agreement).isEnded();
  }

  private void signOffByAllThree(ProcessInstance agreement) {
    journey.complete(agreement, "Task_SignOffCosts", "fran", APPROVE_COSTS);
    journey.complete(agreement, "Task_SignOffInformation", "dana", APPROVE_INFORMATION);
    journey.complete(agreement, "Task_SignOffAgreement", "sam", APPROVE_OVERALL);
    journey.runJobs(agreement);
  }

  private static Map<String, Object> sendBack(String who) {
    return Map.of(who + "Decision", "sendBack", who + "Comments", "Please change the " + who);
  }

  /** A contact of the partnership's organisation, in the organisation's own group. */
  private String partnerContact(ProcessInstance agreement, String userId) {
    String group = (String) engine.getRuntimeService().getVariable(agreement.getId(), "partnerGroup");
    if (engine.getIdentityService().createUserQuery().userId(userId).count() == 0) {
      User user = engine.getIdentityService().newUser(userId);
      user.setEmail(userId + "@partner.example");
      user.setPassword(userId + "-password");
      engine.getIdentityService().saveUser(user);
      engine.getIdentityService().createMembership(userId, group);
    }
    return userId;
  }
}
