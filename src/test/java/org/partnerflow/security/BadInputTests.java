package org.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Every start form and task form, submitted through the REST API as the person whose work it is, with
 * malformed and hostile values: missing required fields, text in number fields, dates in the past
 * where they are forbidden, 100 kB strings, e-mail header injection, unknown choices and ids. Each is
 * refused with a 4xx that names the problem, and nothing changes: the same process instances, tasks
 * and register rows as before, the task still open. Also: a mail shows user text escaped.
 */
@PartnerflowSpringTest
class BadInputTests {

  static final String HUGE = "x".repeat(100_000);
  static final String INJECTED_EMAIL = "a@b.example\r\nBcc: x@evil.example";
  static final String PAST = "2020-01-01";
  static final List<String> REGISTER_TABLES = List.of("partnership", "feasibility_evaluation",
      "collaboration_decision", "agreement_version", "action_record", "action_deviation", "progress_report",
      "information_item", "review_record");

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
      ProcessInstance running = journey.runningPartnership("Hostile Input Trust", "hi1");
      reference = running.getBusinessKey();
      ProcessInstance action = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("agreedAction").processInstanceBusinessKey(reference)
          .variableValueEquals("actionTitle", "Lend 20 laptops").singleResult();
      ProcessInstance firstReport = fire(running, "StartEvent_OurReportingPeriodEnds", "progressReport");
      journey.complete(firstReport, "Task_PrepareOurReport", "pat", Journey.ourReport());
      ProcessInstance secondReport = fire(running, "StartEvent_OurReportingPeriodEnds", "progressReport");
      ProcessInstance review = fire(running, "StartEvent_ReviewDue", "partnershipReview");
      journey.runJobs(review);
      tasks.put("evaluate feasibility", claimed(journey.task(toEvaluate, "Task_EvaluateFeasibility"), "pat"));
      tasks.put("decide collaboration", claimed(journey.task(toDecide, "Task_DecideCollaboration"), "sam"));
      tasks.put("draft agreement", claimed(journey.task(toDraft, "Task_DraftAgreement"), "pat"));
      tasks.put("sign off costs", claimed(journey.task(toSignOff, "Task_SignOffCosts"), "fran"));
      tasks.put("carry out action", claimed(journey.task(action, "Task_CarryOutAction"), "pat"));
      tasks.put("progress report", claimed(journey.task(secondReport, "Task_PrepareOurReport"), "pat"));
      tasks.put("hold review", claimed(journey.task(review, "Task_HoldReview"), "pat"));
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
        task("action delayed to a date in the past", "pat", "carry out action",
            Map.of("actionOutcome", "cannotOnTime", "delayReason", "Late", "newDueDate", PAST), "The new date cannot be in the past"),
        task("action delayed to a date that is not a date", "pat", "carry out action",
            Map.of("actionOutcome", "cannotOnTime", "delayReason", "Late", "newDueDate", "tomorrow"), "must be a date such as"),
        task("action without an outcome", "pat", "carry out action", Map.of("delayReason", "Late"),
            "Say whether the action is done"),
        task("report whose period ends in the future", "pat", "progress report",
            with(Journey.ourReport(), "periodEnd", inAYear), "cannot be in the future"),
        task("report for a period reported already", "pat", "progress report",
            with(Journey.ourReport(), "periodStart", "{firstPeriodStart}"), "was reported already"),
        task("report with text as money", "pat", "progress report", with(Journey.ourReport(), "moneyToDate", "lots"),
            "not a number"),
        start("information whose retention is not a period", "partnerInformation",
            with(information(), "informationRetention", "one year"), "period such as P1M"),
        start("personal information without a lawful basis", "partnerInformation",
            without(information(), "informationLawfulBasis"), "lawful basis"),
        start("information for an unknown partnership", "partnerInformation",
            with(information(), "partnershipReference", "PF-999999"), "PF-999999"),
        task("review without a decision", "pat", "hold review", Journey.heldReview(null, null), "Choose the decision"),
        task("review amending without saying what changes", "pat", "hold review", Journey.heldReview("amend", null),
            "Say what to change"),
        task("review rescheduled into the past", "pat", "hold review",
            Map.of("reviewOutcome", "reschedule", "newMeetingStart", "2020-01-01T10:00Z"), "must be in the future"),
        new Submission("a form for a task that does not exist", "pat", "does-not-exist", Journey.proposal("X"), 404,
            "does-not-exist"),
        new Submission("a start form for a process that does not exist", "pat", "start:noSuchProcess",
            Journey.proposal("X"), 404, "noSuchProcess"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("submissions")
  void isRefusedAndChangesNothing(Submission submission) throws Exception {
    if (submission.form().equals("progress report")) {
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

  private ResponseEntity<String> post(String user, String path, Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, typed(value)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = new ObjectMapper().writeValueAsString(Map.of("variables", variables));
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
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
    for (String table : REGISTER_TABLES) {
      state.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
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

  /** Moves the engine clock past the cycle's next date, fires it, and returns the process it started. */
  private ProcessInstance fire(ProcessInstance collaboration, String startEvent, String startedKey) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(collaboration.getId()).timers()
        .activityId(startEvent).singleResult();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
    var before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(startedKey)
        .processInstanceBusinessKey(reference).list().stream().map(ProcessInstance::getId).toList();
    engine.getManagementService().executeJob(timer.getId());
    ProcessInstance started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(startedKey)
        .processInstanceBusinessKey(reference).active().list().stream().filter(p -> !before.contains(p.getId()))
        .findFirst().orElseThrow();
    if (startedKey.equals("progressReport") && firstPeriodStart == null) {
      firstPeriodStart = (String) engine.getRuntimeService().getVariable(started.getId(), "periodStart");
    }
    return started;
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
