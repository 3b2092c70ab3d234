package org.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

/**
 * Every start form and task form, submitted through the REST API as the person whose work it is (a
 * partner's contact for the partner's forms), with malformed and hostile values: missing required
 * fields, text in number fields and choices, dates in the past where they are forbidden, 100 kB
 * strings, e-mail header injection, unknown choices and ids, a choice another form offers. Each is
 * refused with a 4xx that names the problem, and nothing changes: the same process instances and
 * tasks, every register row as it was, the task still open. Also: mails show user text escaped and
 * keep it out of their headers.
 */
@PartnerflowSpringTest
class BadInputTests {

  static final String HUGE = "x".repeat(100_000);
  static final String INJECTED_EMAIL = "a@b.example\r\nBcc: x@evil.example";
  static final String PAST = "2020-01-01";
  /** The partner contacts the setup creates (the demo users' password is "demo"). */
  static final Set<String> PARTNER_CONTACTS = Set.of("hi1", "hr1", "hc1", "fm1");
  static final List<String> REGISTER_TABLES = List.of("partnership", "feasibility_evaluation",
      "collaboration_decision", "agreement_version", "action_record", "action_deviation", "progress_report",
      "report_feedback", "information_item", "review_record");

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  GreenMail mail;

  /** The open task of each form, by form name. */
  static final Map<String, String> tasks = new HashMap<>();
  static String reference;
  /** The engine clock after the reporting and review cycles fired, months ahead. */
  static Date clock;
  /** The start of the period the first report covered. */
  static String firstPeriodStart;

  @BeforeEach
  void everyFormHasAnOpenTask() {
    if (clock == null) {
      Journey journey = new Journey(engine);
      ProcessInstance toEvaluate = journey.propose("pat", Journey.proposal("Unevaluated Trust"));
      ProcessInstance toDecide = journey.propose("pat", Journey.proposal("Undecided Trust"));
      journey.complete(toDecide, "pat", Journey.favourableEvaluation());
      ProcessInstance toDraft = journey.approvedPartnership("Undrafted Trust");
      ProcessInstance toSignOff = journey.approvedPartnership("Unsigned Trust");
      journey.complete(toSignOff, "Task_DraftAgreement", "pat", Journey.draftAgreement());
      ProcessInstance toConfirm = journey.agreementToConfirm("Unconfirmed Trust", "hc1", Journey.draftAgreement());
      ProcessInstance running = journey.runningPartnership("Hostile Input Trust", "hi1");
      ProcessInstance reviewed = journey.runningPartnership("Reviewed Input Trust", "hr1");
      reference = running.getBusinessKey();
      ProcessInstance ourAction = action(running, "Lend 20 laptops");
      ProcessInstance partnersAction = action(running, "Run 10 sessions");
      ProcessInstance toReview = journey.start("partnerInformation", "pat", Journey.informationItem(reference, true, "P1Y"));
      ProcessInstance toDispose = journey.start("partnerInformation", "pat",
          Journey.informationItem(reference, false, "P1M"));
      ProcessInstance toCorrect = journey.start("partnerInformation", "pat", Journey.informationItem(reference, true, "P1Y"));
      journey.complete(toCorrect, "Task_ReviewInformation", "dana", Map.of("reviewDecision", "refuse",
          "reviewNote", "Only the learners who agreed"));

      // the timers fire in the order of their dates, the engine clock moving forward months
      ProcessInstance firstReport = fire(running, "StartEvent_OurReportingPeriodEnds", "progressReport");
      firstPeriodStart = (String) engine.getRuntimeService().getVariable(firstReport.getId(), "periodStart");
      journey.complete(firstReport, "Task_PrepareOurReport", "pat", Journey.ourReport());
      fire(toDispose, "Event_RetentionPeriodEnds");
      fire(ourAction, "BoundaryEvent_FollowUpDue");
      ProcessInstance secondReport = fire(running, "StartEvent_OurReportingPeriodEnds", "progressReport");
      ProcessInstance review = fire(running, "StartEvent_ReviewDue", "partnershipReview");
      journey.runJobs(review);
      ProcessInstance heldReview = fire(reviewed, "StartEvent_ReviewDue", "partnershipReview");
      journey.runJobs(heldReview);
      journey.complete(heldReview, "Task_HoldReview", "pat", Journey.heldReview("continue", null));
      journey.runJobs(heldReview);
      ProcessInstance acknowledged = fire(running, "StartEvent_PartnerReportingPeriodEnds", "progressReport");
      journey.complete(acknowledged, "Task_SendPartnerReport", "hi1", Journey.partnerReport(false));
      journey.complete(acknowledged, "Task_GiveFeedback", "pat", Journey.feedback());
      journey.runJobs(acknowledged);
      fire(partnersAction, "BoundaryEvent_FollowUpDue");
      ProcessInstance partnerReport = fire(running, "StartEvent_PartnerReportingPeriodEnds", "progressReport");
      journey.complete(partnerReport, "Task_SendPartnerReport", "hi1", Journey.partnerReport(false));
      ProcessInstance unsentReport = fire(running, "StartEvent_PartnerReportingPeriodEnds", "progressReport");

      tasks.put("evaluate feasibility", claimed(journey.task(toEvaluate, "Task_EvaluateFeasibility"), "pat"));
      tasks.put("decide collaboration", claimed(journey.task(toDecide, "Task_DecideCollaboration"), "sam"));
      tasks.put("draft agreement", claimed(journey.task(toDraft, "Task_DraftAgreement"), "pat"));
      tasks.put("sign off costs", claimed(journey.task(toSignOff, "Task_SignOffCosts"), "fran"));
      tasks.put("sign off information", claimed(journey.task(toSignOff, "Task_SignOffInformation"), "dana"));
      tasks.put("sign off agreement", claimed(journey.task(toSignOff, "Task_SignOffAgreement"), "sam"));
      tasks.put("confirm agreement", claimed(journey.task(toConfirm, "Task_ConfirmAgreement"), "hc1"));
      tasks.put("carry out action", claimed(journey.task(ourAction, "Task_CarryOutAction"), "pat"));
      tasks.put("follow up overdue action", claimed(journey.task(ourAction, "Task_FollowUpOverdueAction"), "pat"));
      tasks.put("support partner", claimed(journey.task(partnersAction, "Task_SupportPartner"), "pat"));
      tasks.put("progress report", claimed(journey.task(secondReport, "Task_PrepareOurReport"), "pat"));
      tasks.put("partner's report", claimed(journey.task(unsentReport, "Task_SendPartnerReport"), "hi1"));
      tasks.put("give feedback", claimed(journey.task(partnerReport, "Task_GiveFeedback"), "pat"));
      tasks.put("acknowledge feedback", claimed(journey.task(acknowledged, "Task_AcknowledgeFeedback"), "hi1"));
      tasks.put("review information", claimed(journey.task(toReview, "Task_ReviewInformation"), "dana"));
      tasks.put("dispose information", claimed(journey.task(toDispose, "Task_DisposeInformation"), "pat"));
      tasks.put("correct information", claimed(journey.task(toCorrect, "Task_CorrectInformation"), "pat"));
      tasks.put("hold review", claimed(journey.task(review, "Task_HoldReview"), "pat"));
      tasks.put("confirm review", claimed(journey.task(heldReview, "Task_ConfirmReviewRecord"), "hr1"));
      clock = ClockUtil.getCurrentTime();
      ClockUtil.reset();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** One hostile submission: who sends which values to which form, and what the refusal must say. */
  record Submission(String name, String user, String form, Map<String, Object> values, int status, String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Submission start(String name, String key, Map<String, Object> values, String says) {
    return new Submission(name, "pat", "start:" + key, values, 400, says);
  }

  static Submission task(String name, String user, String form, Map<String, Object> values, String says) {
    return new Submission(name, user, form, values, 400, says);
  }

  static Stream<Submission> submissions() {
    String inAYear = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
    return Stream.of(
        start("proposal without the organisation's name", "partnerIdentification",
            without(Journey.proposal("X"), "organisationName"), "is required"),
        start("proposal with a 100 kB organisation name", "partnerIdentification",
            with(Journey.proposal("X"), "organisationName", HUGE), "too long"),
        start("proposal with a header injection in the contact's e-mail", "partnerIdentification",
            with(Journey.proposal("X"), "contactEmail", INJECTED_EMAIL), "e-mail address"),
        start("proposal with a header injection in the contact's name", "partnerIdentification",
            with(Journey.proposal("X"), "contactName", "Riley\r\nBcc: x@evil.example"), "must be one line"),
        start("proposal with a header injection in the organisation's name", "partnerIdentification",
            with(Journey.proposal("X"), "organisationName", "Evil\r\nBcc: x@evil.example"), "must be one line"),
        start("proposal with a javascript: website", "partnerIdentification",
            with(Journey.proposal("X"), "organisationWebsite", "javascript:alert(1)"), "http"),
        start("proposal with an unknown sector", "partnerIdentification",
            with(Journey.proposal("X"), "organisationSector", "<script>"), "offered choices"),
        task("evaluation without a score", "pat", "evaluate feasibility",
            without(Journey.favourableEvaluation(), "aimsScore"), "is required"),
        task("evaluation with text in a score", "pat", "evaluate feasibility",
            with(Journey.favourableEvaluation(), "aimsScore", "four"), "'four' is not a number"),
        task("evaluation with a score of 9", "pat", "evaluate feasibility",
            with(Journey.favourableEvaluation(), "aimsScore", 9), "score from 1 to 5"),
        task("evaluation with text in an amount", "pat", "evaluate feasibility",
            with(Journey.favourableEvaluation(), "ourCostMoney", "lots"), "not a number"),
        task("evaluation with a negative cost", "pat", "evaluate feasibility",
            with(Journey.favourableEvaluation(), "ourCostMoney", -5), "cannot be negative"),
        task("evaluation with a 100 kB note", "pat", "evaluate feasibility",
            with(Journey.favourableEvaluation(), "aimsNote", HUGE), "too long"),
        task("evaluation with risks that are not a list", "pat", "evaluate feasibility",
            with(Journey.favourableEvaluation(), "risks", "<script>alert(1)</script>"), "could not be read"),
        task("decision without a decision", "sam", "decide collaboration",
            Map.of("decisionReason", "Good fit"), "The decision is required"),
        task("decision with an unknown decision", "sam", "decide collaboration",
            Map.of("decision", "<b>yes</b>", "decisionReason", "Good fit"), "offered choices"),
        task("draft with a header injection in our contact's e-mail", "pat", "draft agreement",
            with(Journey.draftAgreement(), "ourContactEmail", INJECTED_EMAIL), "e-mail address"),
        task("draft with a reporting period that is not a period", "pat", "draft agreement",
            with(Journey.draftAgreement(), "ourReportingPeriod", "monthly"), "period such as P1M"),
        task("draft with the first review in the past", "pat", "draft agreement",
            with(Journey.draftAgreement(), "firstReviewDate", PAST), "The first review date must be after today"),
        task("draft with text as an action's money", "pat", "draft agreement",
            with(Journey.draftAgreement(), "costs", Journey.jsonList("[{\"costFor\":\"ours\",\"cost\":\"Laptops\","
                + "\"money\":\"lots\",\"staffDays\":1}]")), "not a number"),
        task("draft with 100 kB aims", "pat", "draft agreement", with(Journey.draftAgreement(), "aims", HUGE),
            "too long"),
        task("costs sign-off without an answer", "fran", "sign off costs", Map.of("costsComments", "Hm"),
            "Choose whether you agree"),
        task("costs sign-off refused without a comment", "fran", "sign off costs",
            Map.of("costsDecision", "sendBack"), "Say what should change"),
        task("information sign-off without an answer", "dana", "sign off information",
            Map.of("informationComments", "Hm"), "Choose whether you agree"),
        task("information sign-off with an unknown answer", "dana", "sign off information",
            Map.of("informationDecision", "<b>yes</b>", "informationComments", "Hm"), "offered choices"),
        task("information sent back with 100 kB of comments", "dana", "sign off information",
            Map.of("informationDecision", "sendBack", "informationComments", HUGE), "too long"),
        task("agreement sign-off without an answer", "sam", "sign off agreement",
            Map.of("overallComments", "Hm"), "Choose whether you agree"),
        task("agreement sign-off with an answer that is not text", "sam", "sign off agreement",
            Map.of("overallDecision", 1, "overallComments", "Hm"), "offered choices"),
        task("agreement sent back with 100 kB of comments", "sam", "sign off agreement",
            Map.of("overallDecision", "sendBack", "overallComments", HUGE), "too long"),
        task("confirmation without an answer", "hc1", "confirm agreement", Map.of("partnerComments", "Hm"),
            "Choose whether you agree"),
        task("confirmation with an answer only our side is offered", "hc1", "confirm agreement",
            Map.of("partnerDecision", "approve", "partnerComments", "Hm"), "offered choices"),
        task("confirmation with a script as the answer", "hc1", "confirm agreement",
            Map.of("partnerDecision", "<script>alert(1)</script>", "partnerComments", "Hm"), "offered choices"),
        task("changes requested without saying which", "hc1", "confirm agreement",
            Map.of("partnerDecision", "requestChanges"), "Say what should change"),
        task("changes requested in 100 kB", "hc1", "confirm agreement",
            Map.of("partnerDecision", "requestChanges", "partnerComments", HUGE), "too long"),
        task("action delayed to a date in the past", "pat", "carry out action",
            Map.of("actionOutcome", "cannotOnTime", "delayReason", "Late", "newDueDate", PAST), "The new date cannot be in the past"),
        task("action delayed to a date that is not a date", "pat", "carry out action",
            Map.of("actionOutcome", "cannotOnTime", "delayReason", "Late", "newDueDate", "tomorrow"), "must be a date such as"),
        task("action without an outcome", "pat", "carry out action", Map.of("delayReason", "Late"),
            "Say whether the action is done"),
        task("follow-up without a note", "pat", "follow up overdue action", Map.of(), "is required"),
        task("follow-up with a blank note", "pat", "follow up overdue action", Map.of("followUpNote", "  "),
            "is required"),
        task("follow-up with a 100 kB note", "pat", "follow up overdue action", Map.of("followUpNote", HUGE),
            "too long"),
        task("support for the partner without saying what", "pat", "support partner", Map.of(), "is required"),
        task("support for the partner in 100 kB", "pat", "support partner", Map.of("supportOffered", HUGE),
            "too long"),
        task("report whose period ends in the future", "pat", "progress report",
            with(Journey.ourReport(), "periodEnd", inAYear), "cannot be in the future"),
        task("report for a period reported already", "pat", "progress report",
            with(Journey.ourReport(), "periodStart", "{firstPeriodStart}"), "was reported already"),
        task("report with text as money", "pat", "progress report", with(Journey.ourReport(), "moneyToDate", "lots"),
            "not a number"),
        task("partner's report with personal data but not saying which", "hi1", "partner's report",
            with(Journey.partnerReport(false), "personalData", true), "Say what personal data the report holds"),
        task("partner's report with a 100 kB summary", "hi1", "partner's report",
            with(Journey.partnerReport(false), "summary", HUGE), "too long"),
        task("partner's report with text as staff days", "hi1", "partner's report",
            with(Journey.partnerReport(false), "staffDaysToDate", "<b>14</b>"), "not a number"),
        task("feedback without what went well", "pat", "give feedback", without(Journey.feedback(), "wentWell"),
            "What went well is required"),
        task("feedback with 100 kB of milestones", "pat", "give feedback",
            with(Journey.feedback(), "nextMilestones", HUGE), "too long"),
        task("acknowledgement without the tick", "hi1", "acknowledge feedback", Map.of("feedbackComment", "Thanks"),
            "Tick that you have read the feedback"),
        task("acknowledgement with text for the tick", "hi1", "acknowledge feedback",
            Map.of("feedbackRead", "<script>alert(1)</script>"), "Tick that you have read the feedback"),
        task("acknowledgement with a 100 kB comment", "hi1", "acknowledge feedback",
            Map.of("feedbackRead", true, "feedbackComment", HUGE), "too long"),
        start("information whose retention is not a period", "partnerInformation",
            with(information(), "informationRetention", "one year"), "period such as P1M"),
        start("personal information without a lawful basis", "partnerInformation",
            without(information(), "informationLawfulBasis"), "lawful basis"),
        start("information for an unknown partnership", "partnerInformation",
            with(information(), "partnershipReference", "PF-999999"), "PF-999999"),
        task("information review without a decision", "dana", "review information", Map.of("reviewNote", "Fine"),
            "Choose accept, accept with conditions or refuse"),
        task("information review with an unknown decision", "dana", "review information",
            Map.of("reviewDecision", "<b>accept</b>"), "Choose accept, accept with conditions or refuse"),
        task("information refused without a reason", "dana", "review information", Map.of("reviewDecision", "refuse"),
            "Why it is refused and what to correct is required"),
        task("information accepted with 100 kB of conditions", "dana", "review information",
            Map.of("reviewDecision", "acceptWithConditions", "reviewNote", HUGE), "too long"),
        task("disposal without saying how", "pat", "dispose information", Map.of("disposalNote", "Gone"),
            "Say whether the information was deleted or anonymised"),
        task("disposal with an unknown way", "pat", "dispose information",
            Map.of("disposal", "shredded", "disposalNote", "Gone"), "Say whether the information was deleted or anonymised"),
        task("disposal without saying how and where", "pat", "dispose information", Map.of("disposal", "deleted"),
            "How and where it was done is required"),
        task("disposal with a 100 kB note", "pat", "dispose information",
            Map.of("disposal", "deleted", "disposalNote", HUGE), "too long"),
        task("disposal turned into a withdrawal the form does not offer", "pat", "dispose information",
            Map.of("correction", "withdraw", "disposalNote", "Gone"), "Not fields of this form, so not accepted: correction"),
        task("correction that neither corrects nor withdraws", "pat", "correct information", information(),
            "Choose to correct the record or to withdraw the information"),
        task("correction with an unknown choice", "pat", "correct information",
            with(information(), "correction", "<script>alert(1)</script>"), "Choose to correct the record or to withdraw"),
        task("correction with a 100 kB description", "pat", "correct information",
            with(with(information(), "correction", "correct"), "informationDescription", HUGE), "too long"),
        task("withdrawal without saying how it was returned", "pat", "correct information",
            Map.of("correction", "withdraw"), "How it was returned is required"),
        task("withdrawal with a 100 kB note", "pat", "correct information",
            Map.of("correction", "withdraw", "disposalNote", HUGE), "too long"),
        task("review without a decision", "pat", "hold review", Journey.heldReview(null, null), "Choose the decision"),
        task("review amending without saying what changes", "pat", "hold review", Journey.heldReview("amend", null),
            "Say what to change"),
        task("review rescheduled into the past", "pat", "hold review",
            Map.of("reviewOutcome", "reschedule", "newMeetingStart", "2020-01-01T10:00Z"), "must be in the future"),
        task("review record neither confirmed nor commented", "hr1", "confirm review", Map.of(),
            "Confirm the record, or comment on it"),
        task("review record answered with a script", "hr1", "confirm review",
            Map.of("reviewAnswer", "<script>alert(1)</script>"), "Confirm the record, or comment on it"),
        task("review record commented without a comment", "hr1", "confirm review", Map.of("reviewAnswer", "comment"),
            "Write your comment on the record"),
        task("review record commented in 100 kB", "hr1", "confirm review",
            Map.of("reviewAnswer", "comment", "reviewComment", HUGE), "too long"),
        new Submission("a form for a task that does not exist", "pat", "does-not-exist", Journey.proposal("X"), 404,
            "does-not-exist"),
        new Submission("a start form for a process that does not exist", "pat", "start:noSuchProcess",
            Journey.proposal("X"), 404, "noSuchProcess"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("submissions")
  void isRefusedAndChangesNothing(Submission submission) throws Exception {
    if (submission.form().equals("progress report") || submission.form().equals("partner's report")) {
      ClockUtil.setCurrentTime(clock); // the reports' periods are those of the moved clock
    }
    Map<String, Object> before = state();
    String path = submission.form().startsWith("start:")
        ? "/engine-rest/process-definition/key/" + submission.form().substring(6) + "/submit-form"
        : "/engine-rest/task/" + tasks.getOrDefault(submission.form(), submission.form()) + "/submit-form";

    ResponseEntity<String> answer = post(submission.user(), path, submission.values());

    assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(submission.status());
    assertThat(answer.getBody()).contains(submission.says());
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void theRegisterRefusesAnUnknownStatusAndAnUnknownReference() {
    ResponseEntity<String> status = rest.withBasicAuth("pat", "demo").getForEntity("/api/partnerships?status=NOPE",
        String.class);
    ResponseEntity<String> unknown = rest.withBasicAuth("pat", "demo").getForEntity("/api/partnerships/PF-abc",
        String.class);

    assertThat(status.getStatusCode().value()).isEqualTo(400);
    assertThat(status.getBody()).contains("NOPE");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void aUserIdTheEngineDoesNotAcceptIsABadRequestNotAServerError() {
    long users = engine.getIdentityService().createUserQuery().count();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> answer = rest.withBasicAuth("admin", "admin").postForEntity("/engine-rest/user/create",
        new HttpEntity<>("{\"profile\":{\"id\":\"bad id<script>\"},\"credentials\":{\"password\":\"Long-enough-1!\"}}",
            headers), String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("is not a valid resource identifier");
    assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(users);
  }

  @Test
  void aMailShowsAnOrganisationNameWithAScriptAsText() throws Exception {
    mail.purgeEmailFromAllMailboxes();
    Journey journey = new Journey(engine);
    ResponseEntity<String> proposed = post("pat",
        "/engine-rest/process-definition/key/partnerIdentification/submit-form",
        with(Journey.proposal("X"), "organisationName", "<script>alert('x')</script> Trust"));
    assertThat(proposed.getStatusCode().value()).as(proposed.toString()).isEqualTo(200);
    ProcessInstance proposal = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(new ObjectMapper().readTree(proposed.getBody()).get("id").asText()).singleResult();
    journey.complete(proposal, "pat", Journey.favourableEvaluation());
    journey.complete(proposal, "sam", Map.of("decision", "approve", "decisionReason", "<img src=x onerror=alert(1)>"));
    journey.runJobs(proposal);

    MimeMessage approved = mail.getReceivedMessagesForDomain("pat@partnerflow.example")[0];
    String html = part(approved, "text/html");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Trust")
        .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<script>").doesNotContain("<img");
  }

  @Test
  void theFeedbackMailShowsFeedbackWithAScriptAsText() throws Exception {
    Journey journey = new Journey(engine);
    ProcessInstance running = journey.runningPartnership("Markup Feedback Trust", "fm1");
    ProcessInstance report = fire(running, "StartEvent_PartnerReportingPeriodEnds", "progressReport");
    journey.complete(report, "Task_SendPartnerReport", "fm1", Journey.partnerReport(false));
    String task = claimed(journey.task(report, "Task_GiveFeedback"), "pat");
    mail.purgeEmailFromAllMailboxes();

    ResponseEntity<String> given = post("pat", "/engine-rest/task/" + task + "/submit-form",
        with(Journey.feedback(), "wentWell", "<script>alert('x')</script> Ten sessions"));
    assertThat(given.getStatusCode().value()).as(given.toString()).isEqualTo(204);
    journey.runJobs(report);

    String html = part(mail.getReceivedMessagesForDomain("fm1@partner.example")[0], "text/html");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ten sessions").doesNotContain("<script>");
  }

  @Test
  void theInformationReturnedMailShowsTheReviewAndTheNoteAsTextAndKeepsLineBreaksOutOfItsSubject() throws Exception {
    Journey journey = new Journey(engine);
    Map<String, Object> described = Journey.informationItem(reference, true, "P1Y");
    described.put("informationDescription", "Home addresses\r\nBcc: x@evil.example");
    ProcessInstance information = journey.start("partnerInformation", "pat", described);
    ResponseEntity<String> refused = post("dana", "/engine-rest/task/"
        + claimed(journey.task(information, "Task_ReviewInformation"), "dana") + "/submit-form",
        Map.of("reviewDecision", "refuse", "reviewNote", "<b>No</b> addresses"));
    assertThat(refused.getStatusCode().value()).as(refused.toString()).isEqualTo(204);
    mail.purgeEmailFromAllMailboxes();

    ResponseEntity<String> withdrawn = post("pat", "/engine-rest/task/"
        + claimed(journey.task(information, "Task_CorrectInformation"), "pat") + "/submit-form",
        Map.of("correction", "withdraw", "disposalNote", "<img src=x onerror=alert(1)> handed back"));
    assertThat(withdrawn.getStatusCode().value()).as(withdrawn.toString()).isEqualTo(204);
    journey.runJobs(information);

    MimeMessage returned = mail.getReceivedMessagesForDomain("riley@riverside-trust.example")[0];
    assertThat(returned.getSubject()).startsWith("Information returned to you: Home addresses Bcc: x@evil.example");
    assertThat(mail.getReceivedMessagesForDomain("x@evil.example")).isEmpty();
    assertThat(part(returned, "text/html")).contains("&lt;b&gt;No&lt;/b&gt; addresses")
        .contains("&lt;img src=x onerror=alert(1)&gt; handed back").doesNotContain("<b>No").doesNotContain("<img");
  }

  private ResponseEntity<String> post(String user, String path, Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, typed(value)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = new ObjectMapper().writeValueAsString(Map.of("variables", variables));
    String password = PARTNER_CONTACTS.contains(user) ? user + "-password" : "demo";
    return rest.withBasicAuth(user, password).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  /** A value as the REST API takes it: a Json list as its text with type Json, the rest as it is. */
  private static Map<String, Object> typed(Object value) {
    Map<String, Object> typed = new HashMap<>();
    if (value instanceof org.camunda.spin.plugin.variable.value.JsonValue json) {
      typed.put("value", json.getValueSerialized());
      typed.put("type", "Json");
    } else if ("{firstPeriodStart}".equals(value)) {
      typed.put("value", firstPeriodStart);
    } else if ("{reference}".equals(value)) {
      typed.put("value", reference);
    } else {
      typed.put("value", value);
    }
    return typed;
  }

  /** What a refused submission must leave as it was. */
  private Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("process instances", engine.getRuntimeService().createProcessInstanceQuery().count());
    state.put("tasks", engine.getTaskService().createTaskQuery().count());
    for (String table : REGISTER_TABLES) { // every row with every column: a refusal neither adds nor updates
      state.put(table, jdbc.queryForList("select * from " + table + " order by id"));
    }
    tasks.forEach((form, id) -> {
      Task open = engine.getTaskService().createTaskQuery().taskId(id).singleResult();
      state.put(form, open == null ? "gone" : "open, assignee " + open.getAssignee());
    });
    return state;
  }

  private String claimed(Task task, String user) {
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(task.getId(), user);
    }
    return task.getId();
  }

  /** Moves the engine clock just past the timer's date and fires it. */
  private void fire(ProcessInstance instance, String timerEvent) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(timerEvent).singleResult();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
    engine.getManagementService().executeJob(timer.getId());
  }

  /** Fires the running partnership's cycle and returns the process it started. */
  private ProcessInstance fire(ProcessInstance collaboration, String startEvent, String startedKey) {
    var query = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(startedKey)
        .processInstanceBusinessKey(collaboration.getBusinessKey());
    var before = query.list().stream().map(ProcessInstance::getId).toList();
    fire(collaboration, startEvent);
    return query.active().list().stream().filter(p -> !before.contains(p.getId())).findFirst().orElseThrow();
  }

  private ProcessInstance action(ProcessInstance collaboration, String title) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agreedAction")
        .processInstanceBusinessKey(collaboration.getBusinessKey()).variableValueEquals("actionTitle", title)
        .singleResult();
  }

  static Map<String, Object> information() {
    return Journey.informationItem("{reference}", true, "P1Y");
  }

  static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
    Map<String, Object> changed = new HashMap<>(values);
    changed.put(name, value);
    return changed;
  }

  static Map<String, Object> without(Map<String, Object> values, String name) {
    Map<String, Object> changed = new HashMap<>(values);
    changed.remove(name);
    return changed;
  }

  private static String part(jakarta.mail.Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String found = part(child, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
