package org.partnerflow.review;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.action.ActionRecord;
import org.partnerflow.action.ActionService;
import org.partnerflow.register.PartnershipRepository;
import org.partnerflow.register.PartnershipStatus;
import org.partnerflow.review.ReviewRecord.Decision;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Every path of {@code partnershipReview}, started by the running partnership's review cycle with
 * the engine clock moved: the calendar invitation (and its update when the meeting moves), the
 * evidence pack, the review held and confirmed by the partner (or not in time), and each decision:
 * continue, amend (a new agreement version replaces the running partnership), end (the exit
 * steps). The draft agreement has the first review in three months, then every six.
 */
@PartnerflowSpringTest
class PartnershipReviewProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReviewService reviews;
  @Autowired
  ActionService actions;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  GreenMail mail;
  @Autowired
  TestRestTemplate rest;

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
  void bothSidesGetACalendarInvitationForTheAgreedDateAndAnUpdateOfTheSameEventWhenItMoves() throws Exception {
    ProcessInstance collaboration = journey.runningPartnership("Calendar Club", "cc1");
    LocalDate reviewDate = LocalDate.now(ZoneOffset.UTC).plusMonths(3);
    Assertions.assertThat(reviewCycle(collaboration).getDuedate().toInstant())
        .isEqualTo(reviewDate.minusDays(14).atTime(9, 0).toInstant(ZoneOffset.UTC));
    mail.purgeEmailFromAllMailboxes();

    ProcessInstance review = startReview(collaboration);

    assertThat(review).isWaitingAt("Task_HoldReview");
    Instant meeting = reviewDate.atTime(10, 0).toInstant(ZoneOffset.UTC);
    Assertions.assertThat(journey.task(review, "Task_HoldReview").getDueDate().toInstant()).isEqualTo(meeting);
    VEvent invitation = invitationTo("cc1@partner.example", 0);
    Assertions.assertThat(value(invitation, Property.ORGANIZER)).isEqualToIgnoringCase("mailto:pat@partnerflow.example");
    Assertions.assertThat(invitation.<Property>getProperties(Property.ATTENDEE)).extracting(Property::getValue)
        .contains("mailto:pat@partnerflow.example", "mailto:riley@riverside-trust.example",
            "mailto:cc1@partner.example");
    Assertions.assertThat(value(invitation, Property.DTSTART)).isEqualTo(ical(meeting));
    Assertions.assertThat(value(invitation, Property.SEQUENCE)).isEqualTo("0");
    String uid = value(invitation, Property.UID);
    Assertions.assertThat(invitationTo("pat@partnerflow.example", 0)).isNotNull();
    Assertions.assertThat(evidenceMailedTo("cc1@partner.example")).contains("Calendar Club").contains("<svg");

    Instant later = meeting.plus(2, ChronoUnit.DAYS);
    assertThatThrownBy(() -> journey.complete(review, "Task_HoldReview", "pat", Map.of("reviewOutcome", "reschedule",
        "newMeetingStart", "2020-01-01T10:00Z"))).hasMessageContaining("must be in the future");
    journey.complete(review, "Task_HoldReview", "pat", Map.of("reviewOutcome", "reschedule",
        "newMeetingStart", later.toString()));
    journey.runJobs(review);

    VEvent moved = invitationTo("cc1@partner.example", 1);
    Assertions.assertThat(value(moved, Property.UID)).isEqualTo(uid);
    Assertions.assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
    Assertions.assertThat(value(moved, Property.DTSTART)).isEqualTo(ical(later));
    Assertions.assertThat(journey.task(review, "Task_HoldReview").getDueDate().toInstant()).isEqualTo(later);
  }

  @Test
  void aReviewThatContinuesIsKeptConfirmedByThePartnerAndTheNextOneIsScheduled() {
    ProcessInstance collaboration = journey.runningPartnership("Steady State", "ss1");
    ProcessInstance review = startReview(collaboration);

    assertThatThrownBy(() -> journey.complete(review, "Task_HoldReview", "pat", Journey.heldReview(null, null)))
        .hasMessageContaining("Choose the decision");
    journey.complete(review, "Task_HoldReview", "pat", Journey.heldReview("continue", null));
    journey.runJobs(review);
    MimeMessage record = java.util.Arrays.stream(mail.getReceivedMessagesForDomain("ss1@partner.example"))
        .filter(message -> subject(message).startsWith("The record of review 1")).findFirst().orElseThrow();
    Assertions.assertThat(subject(record)).isEqualTo("The record of review 1: Continue as agreed ("
        + collaboration.getBusinessKey() + ")");
    Assertions.assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(record))
        .contains("The rota was agreed too late", "Aims achieved: mostly", "The partner's expectations met: fully")
        .doesNotContain("Changes to make");
    assertThat(journey.task(review, "Task_ConfirmReviewRecord")).hasCandidateGroup(partnerGroup(review));
    assertThatThrownBy(() -> journey.complete(review, "Task_ConfirmReviewRecord", "ss1",
        Map.of("reviewAnswer", "comment"))).hasMessageContaining("Write your comment");
    journey.complete(review, "Task_ConfirmReviewRecord", "ss1", Map.of("reviewAnswer", "confirm"));

    assertThat(review).isEnded().hasPassed("EndEvent_Continue");
    ReviewRecord kept = reviews.ofPartnership(partnershipId(collaboration)).get(0);
    Assertions.assertThat(kept.getDecision()).isEqualTo(Decision.CONTINUE);
    Assertions.assertThat(kept.getStatus()).isEqualTo(ReviewRecord.Status.CONFIRMED);
    Assertions.assertThat(kept.getPartnerConfirmedBy()).isEqualTo("ss1");
    Assertions.assertThat(kept.getEvidenceHtml()).contains("Steady State");
    assertThat(collaboration).isActive();
    Assertions.assertThat(reviewCycle(collaboration).getDuedate().toInstant()).isEqualTo(LocalDate.now(ZoneOffset.UTC)
        .plusMonths(3).minusDays(14).plusMonths(6).atTime(9, 0).toInstant(ZoneOffset.UTC));
  }

  @Test
  void theRecordNamesEachExtentInWords() {
    Assertions.assertThat(RecordReviewDelegate.words("notAtAll")).isEqualTo("not at all");
    Assertions.assertThat(RecordReviewDelegate.words("fully")).isEqualTo("fully");
  }

  @Test
  void withoutThePartnersAnswerInTimeTheDecisionTakesEffectAnyway() {
    ProcessInstance collaboration = journey.runningPartnership("Silent Partner", "sp1");
    ProcessInstance review = startReview(collaboration);
    journey.complete(review, "Task_HoldReview", "pat", Journey.heldReview("continue", null));
    journey.runJobs(review);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(review.getId()).timers()
        .singleResult();

    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
    engine.getManagementService().executeJob(timer.getId());

    assertThat(review).isEnded().hasPassed("BoundaryEvent_NoConfirmation", "EndEvent_Continue")
        .hasNotPassed("Task_RecordConfirmation");
    Assertions.assertThat(reviews.ofPartnership(partnershipId(collaboration)).get(0).getStatus())
        .isEqualTo(ReviewRecord.Status.HELD);
  }

  @Test
  void endingThePartnershipClosesItsActionsTellsBothSidesAndRemovesThePartnersAccess() throws Exception {
    Map<String, Object> draft = Journey.draftAgreement();
    draft.put("partnerContactEmail", "contact@final-chapter.example");
    ProcessInstance collaboration = journey.runningPartnership("Final Chapter", "fc1", draft);
    String invited = engine.getIdentityService().createUserQuery().userEmail("contact@final-chapter.example")
        .singleResult().getId();
    ProcessInstance review = startReview(collaboration);
    journey.complete(review, "Task_HoldReview", "pat", Journey.heldReview("end", null));
    journey.runJobs(review);
    mail.purgeEmailFromAllMailboxes();
    journey.complete(review, "Task_ConfirmReviewRecord", "fc1", Map.of("reviewAnswer", "comment",
        "reviewComment", "Sad but right"));

    assertThat(review).isEnded().hasPassed("EndEvent_PartnershipEnding");
    journey.runJobs(collaboration);

    assertThat(collaboration).isEnded().hasPassed("Task_ClosePartnership", "EndEvent_CollaborationEnded");
    Long id = partnershipId(collaboration);
    Assertions.assertThat(partnerships.findById(id).orElseThrow().getStatus()).isEqualTo(PartnershipStatus.ENDED);
    Assertions.assertThat(actions.ofPartnership(id)).extracting(ActionRecord::getStatus)
        .containsOnly(ActionRecord.Status.CLOSED);
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(collaboration.getBusinessKey()).list()).extracting(p -> p.getProcessDefinitionId())
        .isEmpty();
    for (String side : List.of("pat@partnerflow.example", "contact@final-chapter.example")) {
      Assertions.assertThat(mail.getReceivedMessagesForDomain(side)).extracting(MimeMessage::getSubject)
          .contains("The partnership between Northshire Council and Final Chapter has ended ("
              + collaboration.getBusinessKey() + ")");
    }
    // the contact made by invitation is gone; one who is also someone else's contact only lost this group
    Assertions.assertThat(engine.getIdentityService().createUserQuery().userId(invited).count()).isZero();
    Assertions.assertThat(engine.getIdentityService().createGroupQuery().groupMember("fc1").count()).isZero();
    Assertions.assertThat(rest.withBasicAuth(invited, "any").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    Assertions.assertThat(rest.withBasicAuth("fc1", "fc1-password").getForEntity("/engine-rest/task?maxResults=100", String.class)
        .getBody()).isEqualTo("[]");
    Assertions.assertThat(rest.withBasicAuth("fc1", "fc1-password").getForEntity("/api/partnerships/"
        + collaboration.getBusinessKey() + "/reviews", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void amendingStartsTheAgreementFromTheVersionInForceAndTheNewVersionReplacesTheRunningPartnership() {
    ProcessInstance collaboration = journey.runningPartnership("Second Edition", "se1");
    ActionRecord laptops = action(collaboration, "Lend 20 laptops");
    ProcessInstance review = startReview(collaboration);
    assertThatThrownBy(() -> journey.complete(review, "Task_HoldReview", "pat", Journey.heldReview("amend", null)))
        .hasMessageContaining("an amendment without a change is refused");
    journey.complete(review, "Task_HoldReview", "pat", Journey.heldReview("amend", "Drop the sessions; lend 10 more laptops"));
    journey.runJobs(review);
    journey.complete(review, "Task_ConfirmReviewRecord", "se1", Map.of("reviewAnswer", "confirm"));

    assertThat(review).isEnded().hasPassed("EndEvent_AmendmentRequested");
    ProcessInstance amendment = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("collaborationAgreement").processInstanceBusinessKey(collaboration.getBusinessKey())
        .active().singleResult();
    assertThat(amendment).isWaitingAt("Task_DraftAgreement");
    Map<String, Object> prefilled = engine.getRuntimeService().getVariables(amendment.getId());
    Assertions.assertThat(prefilled).containsEntry("amendsVersion", 1)
        .containsEntry("amendmentChanges", "Drop the sessions; lend 10 more laptops")
        .containsEntry("aims", "Bring 300 older residents online in a year").containsEntry("reviewPeriod", "P6M");
    assertThat(collaboration).isActive();

    Map<String, Object> draft = Journey.draftAgreement();
    draft.put("actions", Journey.jsonList("[{\"title\":\"Lend 20 laptops\",\"owner\":\"ours\",\"responsibleEmail\":"
        + "\"pat@partnerflow.example\",\"dueDate\":\"" + LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
        ZoneOffset.UTC).plusMonths(1) + "\"},{\"title\":\"Lend 10 more "
        + "laptops\",\"owner\":\"ours\",\"responsibleEmail\":\"pat@partnerflow.example\",\"dueDate\":\""
        + LocalDate.now().plusMonths(5) + "\"}]"));
    journey.complete(amendment, "Task_DraftAgreement", "pat", draft);
    journey.complete(amendment, "Task_SignOffCosts", "fran", Map.of("costsDecision", "approve"));
    journey.complete(amendment, "Task_SignOffInformation", "dana", Map.of("informationDecision", "approve"));
    journey.complete(amendment, "Task_SignOffAgreement", "sam", Map.of("overallDecision", "approve"));
    journey.runJobs(amendment);
    journey.complete(amendment, "Task_ConfirmAgreement", "se1", Map.of("partnerDecision", "confirm"));
    journey.runJobs(amendment);

    assertThat(collaboration).isEnded().hasPassed("EndEvent_Replaced").hasNotPassed("Task_ClosePartnership");
    ProcessInstance replacement = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("collaboration").processInstanceBusinessKey(collaboration.getBusinessKey()).active()
        .singleResult();
    Assertions.assertThat(engine.getRuntimeService().getVariable(replacement.getId(), "agreementVersion")).isEqualTo(2);
    List<ActionRecord> all = actions.ofPartnership(partnershipId(collaboration));
    ActionRecord carried = all.stream().filter(a -> a.getId().equals(laptops.getId())).findFirst().orElseThrow();
    Assertions.assertThat(carried.getAgreementVersion()).isEqualTo(2);
    Assertions.assertThat(carried.getStatus()).isEqualTo(ActionRecord.Status.OPEN);
    ActionRecord sessions = all.stream().filter(a -> a.getTitle().equals("Run 10 sessions")).findFirst().orElseThrow();
    Assertions.assertThat(sessions.getStatus()).isEqualTo(ActionRecord.Status.CLOSED);
    Assertions.assertThat(sessions.getClosedNote()).isEqualTo("Not in version 2 of the agreement.");
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agreedAction")
        .processInstanceBusinessKey(collaboration.getBusinessKey()).active().list()).hasSize(2);
  }

  @Test
  void theEvidencePackHoldsWhatHappenedOnTimeLateAndTheCostsReported() {
    ProcessInstance collaboration = journey.runningPartnership("Counted Trust", "ct2");
    String reference = collaboration.getBusinessKey();
    ProcessInstance ours = agreedAction(collaboration, "Lend 20 laptops");
    ProcessInstance theirs = agreedAction(collaboration, "Run 10 sessions");
    journey.complete(theirs, "Task_CarryOutAction", "ct2", Map.of("actionOutcome", "done"));
    journey.complete(ours, "Task_CarryOutAction", "pat", Map.of("actionOutcome", "cannotOnTime", "delayReason",
        "The supplier is late", "newDueDate", LocalDate.now().plusMonths(2).toString()));
    journey.runJobs(ours);
    ClockUtil.setCurrentTime(Date.from(LocalDate.now().plusMonths(2).plusDays(3).atStartOfDay(ZoneOffset.UTC)
        .toInstant()));
    journey.complete(ours, "Task_CarryOutAction", "pat", Map.of("actionOutcome", "done"));
    Job reporting = engine.getManagementService().createJobQuery().processInstanceId(collaboration.getId()).timers()
        .activityId("StartEvent_OurReportingPeriodEnds").singleResult();
    engine.getManagementService().executeJob(reporting.getId());
    ProcessInstance report = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("progressReport").processInstanceBusinessKey(reference).active().singleResult();
    journey.complete(report, "Task_PrepareOurReport", "pat", Map.of("summary", "Laptops lent", "moneyToDate", 3250.5,
        "staffDaysToDate", 12));

    ProcessInstance review = startReview(collaboration);

    EvidencePack pack = reviews.evidence(reference, 0);
    EvidencePack.SideFigures us = pack.sides().get(0);
    EvidencePack.SideFigures partner = pack.sides().get(1);
    Assertions.assertThat(us.organisation()).isEqualTo("Northshire Council");
    Assertions.assertThat(List.of(us.actionsAgreed(), us.doneOnTime(), us.doneLate(), us.openOverdue()))
        .containsExactly(1, 0, 1, 0);
    Assertions.assertThat(us.deviations()).extracting(EvidencePack.DeviationLine::reason)
        .containsExactly("The supplier is late");
    Assertions.assertThat(us.plannedMoney()).isEqualByComparingTo("3000");
    Assertions.assertThat(us.actualMoney()).isEqualByComparingTo("3250.5");
    Assertions.assertThat(us.actualStaffDays()).isEqualByComparingTo("12");
    Assertions.assertThat(List.of(partner.actionsAgreed(), partner.doneOnTime(), partner.doneLate()))
        .containsExactly(1, 1, 0);
    Assertions.assertThat(partner.actualMoney()).as("the partner has not reported yet").isNull();
    Assertions.assertThat(pack.reports()).hasSize(1);
    Assertions.assertThat(pack.timeline()).extracting(EvidencePack.MonthPoint::organisation)
        .contains("Northshire Council", "Counted Trust");
    // the engine's history: our action's task was finished after its due date
    Assertions.assertThat((String) engine.getRuntimeService().getVariable(review.getId(), "evidenceSummary"))
        .contains("**Northshire Council**: actions agreed 1, done on time 0, done late 1")
        .contains("Money spent 3250.5 of 3000 planned").contains("Tasks finished after their due date: 1.");
    Assertions.assertThat(rest.withBasicAuth("pat", "demo").getForEntity("/api/partnerships/" + reference
        + "/reviews/1/evidence.html", String.class).getBody()).contains("Counted Trust").contains("<svg");
    Assertions.assertThat(rest.withBasicAuth("fran", "demo").getForEntity("/api/partnerships/" + reference
        + "/reviews/1/evidence.html", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ProcessInstance agreedAction(ProcessInstance collaboration, String title) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agreedAction")
        .processInstanceBusinessKey(collaboration.getBusinessKey()).variableValueEquals("actionTitle", title)
        .singleResult();
  }

  /** Fires the review cycle and runs the invitation and evidence steps. */
  private ProcessInstance startReview(ProcessInstance collaboration) {
    Job cycle = reviewCycle(collaboration);
    ClockUtil.setCurrentTime(new Date(cycle.getDuedate().getTime() + 60_000));
    engine.getManagementService().executeJob(cycle.getId());
    ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("partnershipReview").processInstanceBusinessKey(collaboration.getBusinessKey()).active()
        .singleResult();
    journey.runJobs(review);
    return review;
  }

  private Job reviewCycle(ProcessInstance collaboration) {
    return engine.getManagementService().createJobQuery().processInstanceId(collaboration.getId()).timers()
        .activityId("StartEvent_ReviewDue").singleResult();
  }

  private String partnerGroup(ProcessInstance review) {
    return (String) engine.getRuntimeService().getVariable(review.getId(), "partnerGroup");
  }

  private Long partnershipId(ProcessInstance collaboration) {
    return partnerships.findByReference(collaboration.getBusinessKey()).orElseThrow().getId();
  }

  private ActionRecord action(ProcessInstance collaboration, String title) {
    return actions.ofPartnership(partnershipId(collaboration)).stream().filter(a -> a.getTitle().equals(title))
        .findFirst().orElseThrow();
  }

  /** The calendar of the invitation with this SEQUENCE that reached the address, parsed with ical4j. */
  private VEvent invitationTo(String address, int sequence) throws Exception {
    for (MimeMessage message : mail.getReceivedMessagesForDomain(address)) {
      for (String calendar : parts(message, "text/calendar")) {
        VEvent event = (VEvent) parse(calendar).getComponent("VEVENT").orElseThrow();
        if (value(event, Property.SEQUENCE).equals(String.valueOf(sequence))) {
          Assertions.assertThat(calendar).contains("METHOD:REQUEST");
          return event;
        }
      }
    }
    throw new AssertionError("No invitation with SEQUENCE " + sequence + " reached " + address);
  }

  private String evidenceMailedTo(String address) throws Exception {
    for (MimeMessage message : mail.getReceivedMessagesForDomain(address)) {
      if (message.getSubject().startsWith("Evidence for review")) {
        return String.join("", parts(message, "text/html").stream().filter(html -> html.contains("<svg")).toList());
      }
    }
    throw new AssertionError("No evidence pack reached " + address);
  }

  private static List<String> parts(Part part, String type) throws Exception {
    List<String> found = new ArrayList<>();
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        found.addAll(parts(body, type));
      }
    } else if (part.isMimeType(type)) {
      Object content = part.getContent();
      found.add(content instanceof String text ? text : new String(((java.io.InputStream) content).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8));
    }
    return found;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Calendar parse(String text) throws Exception {
    return new CalendarBuilder().build(new StringReader(text));
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElseThrow();
  }

  private static String ical(Instant instant) {
    return instant.toString().replace("-", "").replace(":", "").replace(".000", "");
  }
}
