package org.partnerflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.notification.Notification;
import org.partnerflow.notification.NotificationService;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

/**
 * What an operator reads on the management port: health of the database, the mail server, the engine
 * and the job backlog, and the metrics of overdue actions, mails and incidents. Nothing of it is on the
 * port people use.
 */
@PartnerflowSpringTest
class OperationsEndpointsTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalManagementPort
  int managementPort;
  @LocalServerPort
  int applicationPort;
  @Autowired
  ProcessEngine engine;
  @Autowired
  NotificationService notifications;
  @Autowired
  GreenMail mail;
  @Autowired
  JdbcTemplate jdbc;

  private final RestTemplate http = new RestTemplateBuilder().build();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void healthShowsTheDatabaseTheMailServerTheEngineAndTheJobBacklog() throws Exception {
    JsonNode components = health().get("components");

    assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
    assertThat(components.get("mail").get("status").asText()).isEqualTo("UP");
    assertThat(components.get("processEngine").get("status").asText()).isEqualTo("UP");
    JsonNode backlog = components.get("jobBacklog");
    assertThat(backlog.get("details").get("dueJobs").isNumber()).isTrue();
    assertThat(backlog.get("details").get("limitSeconds").asLong()).isEqualTo(600);
  }

  @Test
  void healthReportsTheMailServerDownWhenItIs() throws Exception {
    mail.stop();
    try {
      JsonNode health = health();
      assertThat(health.get("components").get("mail").get("status").asText()).isEqualTo("DOWN");
      assertThat(health.get("status").asText()).isEqualTo("DOWN");
    } finally {
      mail.start();
    }
  }

  @Test
  void aJobWaitingLongerThanTheLimitIsReportedAsBacklogWithoutTakingTheNodeOutOfService() throws Exception {
    ProcessInstance partnership = new Journey(engine).runningPartnership("Backlog Trust", "bea");
    Date latestDue = engine.getManagementService().createJobQuery().processInstanceId(partnership.getId())
        .orderByJobDuedate().desc().listPage(0, 1).get(0).getDuedate();
    ClockUtil.setCurrentTime(Date.from(latestDue.toInstant().plus(Duration.ofMinutes(11))));

    ResponseEntity<String> response = http.getForEntity(management("/actuator/health"), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode backlog = JSON.readTree(response.getBody()).get("components").get("jobBacklog");
    assertThat(backlog.get("status").asText()).isEqualTo("BACKLOG");
    assertThat(backlog.get("details").get("oldestDueJobWaitingSeconds").asLong()).isGreaterThan(600);
  }

  @Test
  void dueJobsAreCountedAlikeByTheMetricAndTheHealthEndpoint() throws Exception {
    ProcessInstance partnership = new Journey(engine).runningPartnership("Due Jobs Trust", "duj");
    Date latestDue = engine.getManagementService().createJobQuery().processInstanceId(partnership.getId())
        .orderByJobDuedate().desc().listPage(0, 1).get(0).getDuedate();
    double before = metric("partnerflow.jobs.due", null);

    ClockUtil.setCurrentTime(Date.from(latestDue.toInstant().plus(Duration.ofMinutes(1))));

    double after = metric("partnerflow.jobs.due", null);
    assertThat(after).isGreaterThan(before);
    assertThat(health().get("components").get("jobBacklog").get("details").get("dueJobs").asDouble())
        .isEqualTo(after);
  }

  @Test
  void mailsSentAndFailedAreCountedByTemplate() throws Exception {
    double sentBefore = metric("partnerflow.mails.sent", "template:proposal-declined");
    double failedBefore = metric("partnerflow.mails.failed", "template:proposal-declined");

    notifications.send(declined("ops/sent"));
    mail.stop();
    try {
      assertThatThrownBy(() -> notifications.send(declined("ops/failed"))).isInstanceOf(MailException.class);
    } finally {
      mail.start();
    }

    assertThat(metric("partnerflow.mails.sent", "template:proposal-declined")).isEqualTo(sentBefore + 1);
    assertThat(metric("partnerflow.mails.failed", "template:proposal-declined")).isEqualTo(failedBefore + 1);
    assertThat(prometheus()).contains("partnerflow_mails_sent_total{application=\"partnerflow\",template=\"proposal-declined\"}");
  }

  @Test
  void overdueActionsCountTheOpenActionsPastTheirDueDate() throws Exception {
    ProcessInstance partnership = new Journey(engine).runningPartnership("Overdue Gauge Trust", "otto");
    long partnershipId = Long.parseLong(partnership.getBusinessKey().substring("PF-".length()));
    List<Map<String, Object>> actions = jdbc.queryForList("select due_date from action_record "
        + "where partnership_id = ? and status = 'OPEN' order by due_date", partnershipId);
    assertThat(actions).isNotEmpty();
    java.sql.Date lastDue = (java.sql.Date) actions.get(actions.size() - 1).get("due_date");
    double before = metric("partnerflow.actions.overdue", null);

    ClockUtil.setCurrentTime(Date.from(lastDue.toLocalDate().plusDays(1).atTime(12, 0)
        .toInstant(java.time.ZoneOffset.UTC)));

    assertThat(metric("partnerflow.actions.overdue", null)).isGreaterThanOrEqualTo(before + actions.size());
  }

  @Test
  void openIncidentsAreCounted() throws Exception {
    ProcessInstance partnership = new Journey(engine).runningPartnership("Incident Gauge Trust", "ida");
    double before = metric("partnerflow.incidents.open", null);

    String actionWaiting = engine.getRuntimeService().createExecutionQuery().processDefinitionKey("agreedAction")
        .processInstanceBusinessKey(partnership.getBusinessKey()).activityId("Task_CarryOutAction").list().get(0)
        .getId();
    Incident incident = engine.getRuntimeService().createIncident("operationsCheck", actionWaiting, "ops-test");
    try {
      assertThat(metric("partnerflow.incidents.open", null)).isEqualTo(before + 1);
    } finally {
      engine.getRuntimeService().resolveIncident(incident.getId());
    }
  }

  @Test
  void theApplicationPortServesNoActuatorEndpoint() {
    assertThatThrownBy(() -> http.getForEntity("http://127.0.0.1:" + applicationPort + "/actuator/health",
        String.class)).isInstanceOfSatisfying(RestClientResponseException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
  }

  private JsonNode health() throws Exception {
    try {
      return JSON.readTree(http.getForObject(management("/actuator/health"), String.class));
    } catch (RestClientResponseException e) {
      // DOWN answers 503 with the same body
      return JSON.readTree(e.getResponseBodyAsString());
    }
  }

  private double metric(String name, String tag) throws Exception {
    String url = management("/actuator/metrics/" + name) + (tag == null ? "" : "?tag=" + tag);
    try {
      JsonNode measurements = JSON.readTree(http.getForObject(url, String.class)).get("measurements");
      return measurements.get(0).get("value").asDouble();
    } catch (RestClientResponseException e) {
      if (e.getStatusCode().value() == 404) {
        return 0; // not counted yet
      }
      throw e;
    }
  }

  private String prometheus() {
    return http.getForObject(management("/actuator/prometheus"), String.class);
  }

  private String management(String path) {
    return "http://127.0.0.1:" + managementPort + path;
  }

  private static Notification declined(String key) {
    return new Notification(key + "/" + System.nanoTime(), "proposal-declined", List.of("pat@partnerflow.example"),
        Map.of("organisationName", "Gauge Trust", "businessKey", "PF-9", "decidedByName", "Sam Okafor",
            "decisionReason", "No budget", "recommendationRationale", "Both would gain",
            "baseUrl", "http://localhost:8080"));
  }
}
