package org.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A submission carries the fields of its form and nothing else, through Tasklist's API and through
 * {@code /engine-rest}: a partner's contact cannot decide a review by adding {@code reviewDecision}
 * to their confirmation, nor point their acknowledgement at another feedback, nor change a task's
 * variables behind its form. Submissions of the form's own fields go through as before.
 */
@PartnerflowSpringTest
class FormSubmissionGuardTests {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;

  static ProcessInstance review;
  static ProcessInstance report;
  static ProcessInstance running;

  @BeforeEach
  void aReviewRecordAndAFeedbackWaitForThePartner() {
    if (review != null) {
      return;
    }
    Journey journey = new Journey(engine);
    running = journey.runningPartnership("Guarded Trust", "gt1");
    review = fire(running, "StartEvent_ReviewDue", "partnershipReview");
    journey.runJobs(review);
    journey.complete(review, "Task_HoldReview", "pat", Journey.heldReview("continue", null));
    journey.runJobs(review);
    report = fire(running, "StartEvent_PartnerReportingPeriodEnds", "progressReport");
    journey.complete(report, "Task_SendPartnerReport", "gt1", Journey.partnerReport(false));
    journey.complete(report, "Task_GiveFeedback", "pat", Journey.feedback());
    journey.runJobs(report);
    ClockUtil.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aPartnerCannotDecideTheReviewByAddingAVariableToTheirConfirmation() {
    Task confirm = task(review, "Task_ConfirmReviewRecord");

    ResponseEntity<String> answer = asPartner("/engine-rest/task/{id}/submit-form", confirm.getId(),
        "{\"variables\": {\"reviewAnswer\": {\"value\": \"confirm\"}, \"reviewDecision\": {\"value\": \"end\"}}}");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("Not fields of this form").contains("reviewDecision");
    assertThat(engine.getTaskService().createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "reviewDecision")).isEqualTo("continue");
  }

  @Test
  void aPartnerCannotPointTheirAcknowledgementAtAnotherFeedbackThroughTasklist() {
    Task acknowledge = task(report, "Task_AcknowledgeFeedback");
    Object feedbackId = engine.getRuntimeService().getVariable(report.getId(), "feedbackId");
    WebappSession tasklist = WebappSession.loggedIn(rest, "gt1", "gt1-password");

    ResponseEntity<String> answer = tasklist.postJson("/camunda/api/engine/engine/default/task/" + acknowledge.getId()
        + "/submit-form", "{\"variables\": {\"feedbackRead\": {\"value\": true}, "
        + "\"feedbackId\": {\"value\": 1, \"type\": \"Long\"}}}");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("feedbackId");
    assertThat(engine.getTaskService().createTaskQuery().taskId(acknowledge.getId()).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(report.getId(), "feedbackId")).isEqualTo(feedbackId);
  }

  @Test
  void aTasksVariablesCannotBeChangedBehindItsForm() {
    Task confirm = task(review, "Task_ConfirmReviewRecord");
    Object group = engine.getRuntimeService().getVariable(running.getId(), "partnerGroup");

    ResponseEntity<String> put = exchange(HttpMethod.PUT, "/engine-rest/task/{id}/variables/reviewDecision",
        confirm.getId(), "{\"value\": \"end\"}");
    ResponseEntity<String> modify = exchange(HttpMethod.POST, "/engine-rest/task/{id}/variables",
        confirm.getId(), "{\"modifications\": {\"partnerGroup\": {\"value\": \"partner-1\"}}}");
    ResponseEntity<String> local = exchange(HttpMethod.POST, "/engine-rest/task/{id}/localVariables",
        confirm.getId(), "{\"modifications\": {\"reviewDecision\": {\"value\": \"end\"}}}");

    assertThat(List.of(put, modify, local)).allSatisfy(answer -> {
      assertThat(answer.getStatusCode().value()).isEqualTo(403);
      assertThat(answer.getBody()).contains("only through its form");
    });
    assertThat(engine.getRuntimeService().getVariable(review.getId(), "reviewDecision")).isEqualTo("continue");
    assertThat(engine.getRuntimeService().getVariable(running.getId(), "partnerGroup")).isEqualTo(group);
  }

  @Test
  void aStartFormTakesOnlyItsFields() {
    ResponseEntity<String> answer = rest.withBasicAuth("pat", "demo").exchange(
        "/engine-rest/process-definition/key/partnerIdentification/submit-form", HttpMethod.POST,
        json("{\"variables\": {\"organisationName\": {\"value\": \"Sneaky Trust\"}, "
            + "\"proposedBy\": {\"value\": \"sam\"}}}"), String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("proposedBy");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("partnerIdentification")
        .variableValueEquals("organisationName", "Sneaky Trust").count()).isZero();
  }

  @Test
  void theFormsOwnFieldsGoThrough() {
    Task confirm = task(review, "Task_ConfirmReviewRecord");

    ResponseEntity<String> answer = asPartner("/engine-rest/task/{id}/submit-form", confirm.getId(),
        "{\"variables\": {\"reviewAnswer\": {\"value\": \"confirm\"}}}");

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(200, 204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(confirm.getId()).count()).isZero();
    review = null; // the next test needs a fresh review record to confirm
  }

  private ResponseEntity<String> asPartner(String path, String taskId, String body) {
    return rest.withBasicAuth("gt1", "gt1-password").exchange(path, HttpMethod.POST, json(body), String.class, taskId);
  }

  private ResponseEntity<String> exchange(HttpMethod method, String path, String taskId, String body) {
    return rest.withBasicAuth("gt1", "gt1-password").exchange(path, method, json(body), String.class, taskId);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private Task task(ProcessInstance instance, String key) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
        .singleResult();
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(task.getId(), "gt1");
    }
    return task;
  }

  private ProcessInstance fire(ProcessInstance collaboration, String startEvent, String startedKey) {
    var query = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(startedKey)
        .processInstanceBusinessKey(collaboration.getBusinessKey());
    var before = query.list().stream().map(ProcessInstance::getId).toList();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(collaboration.getId()).timers()
        .activityId(startEvent).singleResult();
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
    engine.getManagementService().executeJob(timer.getId());
    return query.active().list().stream().filter(p -> !before.contains(p.getId())).findFirst().orElseThrow();
  }
}
