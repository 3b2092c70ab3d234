package org.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The isolation matrix, through the interfaces people really use: the REST API ({@code /engine-rest},
 * {@code /api}) with a password, and Tasklist's own API ({@code /camunda/api/engine/…}) with a webapp
 * session. Two partner organisations A and B each run a partnership; B's contact has an open task (B's
 * agreed action "Run 10 sessions"). A's contact must not see, claim, complete or read anything of B's,
 * start a process, deploy, or use Cockpit or Admin; finance must not reach data protection's work.
 *
 * <p>Each refused call is its own case. Where the call only reads, the case first makes the same call as
 * somebody who may (B's contact, a partnership manager, data protection or the administrator) and
 * checks that it does return B's data: so the refusal of A proves the protection, not a wrong path.
 * Every case also checks that nothing changed (the tasks still open and unclaimed, no new process
 * instance, deployment or administrator).
 */
@PartnerflowSpringTest
class PartnerIsolationTests {

  static final String A = "isoa1";
  static final String B = "isob1";
  static final List<String> PROCESS_KEYS = List.of("partnerIdentification", "collaborationAgreement",
      "collaboration", "agreedAction", "progressReport", "partnerInformation", "partnershipReview");

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;

  /** Placeholders in the cases' paths: B's reference, task, process instances. */
  static final Map<String, String> ids = new HashMap<>();

  @BeforeEach
  void twoPartnershipsRunAndBsContactHasAnOpenTask() {
    if (!ids.isEmpty()) {
      return;
    }
    Journey journey = new Journey(engine);
    journey.runningPartnership("Isolation Alpha", A);
    String refB = journey.runningPartnership("Isolation Beta", B).getBusinessKey();
    var information = journey.start("partnerInformation", "pat", Journey.informationItem(refB, true, "P1Y"));
    Task bTask = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(refB)
        .taskDefinitionKey("Task_CarryOutAction").processVariableValueEquals("actionTitle", "Run 10 sessions")
        .singleResult();
    Task dataProtectionTask = engine.getTaskService().createTaskQuery().processInstanceId(information.getId())
        .taskDefinitionKey("Task_ReviewInformation").singleResult();
    ids.put("{refB}", refB);
    ids.put("{taskB}", bTask.getId());
    ids.put("{instanceB}", bTask.getProcessInstanceId());
    ids.put("{dpTask}", dataProtectionTask.getId());
  }

  enum Via { REST, TASKLIST }

  /** How A's answer shows the refusal. */
  enum Refused {
    /** 401, 403 or 404. */
    STATUS,
    /** 200 with an empty list. */
    EMPTY,
    /** 200 with a count of 0. */
    NONE_COUNTED
  }

  /**
   * One call: who makes it, through which door, what A's answer must be, and who may make it
   * (null when the call changes something, so only the refusal and the unchanged state are checked).
   */
  record Call(String name, String user, Via via, HttpMethod method, String path, String body, Refused refused,
      String allowedUser) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Call a(String name, HttpMethod method, String path, String body, Refused refused, String allowed) {
    return new Call(name, A, Via.REST, method, path, body, refused, allowed);
  }

  static Call aInTasklist(String name, HttpMethod method, String path, String body, Refused refused, String allowed) {
    return new Call(name, A, Via.TASKLIST, method, path, body, refused, allowed);
  }

  static Stream<Call> calls() {
    HttpMethod get = HttpMethod.GET;
    HttpMethod post = HttpMethod.POST;
    String engineRest = "/engine-rest";
    String tasklist = "/camunda/api/engine/engine/default";
    String done = "{\"variables\":{\"actionOutcome\":{\"value\":\"done\"}}}";
    Stream<Call> tasks = Stream.of(
        a("A lists B's tasks by business key", get, engineRest + "/task?processInstanceBusinessKey={refB}&maxResults=100",
            null, Refused.EMPTY, B),
        a("A counts B's tasks by business key", get, engineRest + "/task/count?processInstanceBusinessKey={refB}", null,
            Refused.NONE_COUNTED, B),
        a("A queries B's tasks by POST", post, engineRest + "/task?maxResults=100",
            "{\"processInstanceBusinessKey\":\"{refB}\"}", Refused.EMPTY, B),
        a("A reads B's task by id", get, engineRest + "/task/{taskB}", null, Refused.STATUS, B),
        a("A reads B's task variables", get, engineRest + "/task/{taskB}/variables", null, Refused.STATUS, B),
        a("A reads B's task form variables", get, engineRest + "/task/{taskB}/form-variables", null, Refused.STATUS, B),
        a("A claims B's task", post, engineRest + "/task/{taskB}/claim", "{\"userId\":\"" + A + "\"}",
            Refused.STATUS, null),
        a("A completes B's task", post, engineRest + "/task/{taskB}/complete", done, Refused.STATUS, null),
        a("A submits B's task form", post, engineRest + "/task/{taskB}/submit-form", done, Refused.STATUS, null),
        a("A lists B's process instances", get, engineRest + "/process-instance?businessKey={refB}&maxResults=100",
            null, Refused.EMPTY, "admin"),
        a("A reads B's process instance", get, engineRest + "/process-instance/{instanceB}", null, Refused.STATUS,
            "admin"),
        a("A reads B's process variables", get, engineRest + "/process-instance/{instanceB}/variables", null,
            Refused.STATUS, "admin"),
        a("A lists B's variable instances", get,
            engineRest + "/variable-instance?processInstanceIdIn={instanceB}&maxResults=100", null, Refused.EMPTY,
            "admin"),
        a("A reads B's task history", get,
            engineRest + "/history/task?processInstanceBusinessKey={refB}&maxResults=100", null, Refused.EMPTY, "admin"),
        a("A reads B's process history", get,
            engineRest + "/history/process-instance?processInstanceBusinessKey={refB}&maxResults=100", null,
            Refused.EMPTY, "admin"),
        a("A reads B's variable history", get,
            engineRest + "/history/variable-instance?processInstanceId={instanceB}&maxResults=100", null,
            Refused.EMPTY, "admin"),
        a("A reads B's partnership", get, "/api/partnerships/{refB}", null, Refused.STATUS, "pat"),
        a("A reads B's information", get, "/api/partnerships/{refB}/information", null, Refused.STATUS, "dana"),
        a("A reads B's reviews", get, "/api/partnerships/{refB}/reviews", null, Refused.STATUS, "pat"),
        a("A reads B's agreements", get, "/api/partnerships/{refB}/agreements", null, Refused.STATUS, "pat"),
        a("A exports the information register", get, "/api/information/register.csv", null, Refused.STATUS, "dana"),
        aInTasklist("A lists B's tasks in Tasklist", get,
            tasklist + "/task?processInstanceBusinessKey={refB}&maxResults=100", null, Refused.EMPTY, B),
        aInTasklist("A counts B's tasks in Tasklist", get, tasklist + "/task/count?processInstanceBusinessKey={refB}",
            null, Refused.NONE_COUNTED, B),
        aInTasklist("A opens B's task in Tasklist", get, tasklist + "/task/{taskB}", null, Refused.STATUS, B),
        aInTasklist("A reads B's form variables in Tasklist", get, tasklist + "/task/{taskB}/form-variables", null,
            Refused.STATUS, B),
        aInTasklist("A claims B's task in Tasklist", post, tasklist + "/task/{taskB}/claim",
            "{\"userId\":\"" + A + "\"}", Refused.STATUS, null),
        aInTasklist("A submits B's task form in Tasklist", post, tasklist + "/task/{taskB}/submit-form", done,
            Refused.STATUS, null),
        // A may read the definitions of the processes with partner tasks, but not count their instances
        a("A counts running instances in the process statistics", get, engineRest + "/process-definition/statistics",
            null, Refused.EMPTY, "admin"),
        aInTasklist("A counts running instances in the process statistics in Tasklist", get,
            tasklist + "/process-definition/statistics", null, Refused.EMPTY, "admin"),
        // Cockpit's plugin API checks only engine authorizations, so it is closed to all but Cockpit's users
        aInTasklist("A reads process statistics through Cockpit's API", get,
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics?maxResults=100", null,
            Refused.STATUS, "admin"),
        aInTasklist("A adds themselves to camunda-admin through Admin's API", HttpMethod.PUT,
            tasklist + "/group/camunda-admin/members/" + A, null, Refused.STATUS, null),
        aInTasklist("A creates a user through Admin's API", post, tasklist + "/user/create",
            "{\"profile\":{\"id\":\"isointruder\"},\"credentials\":{\"password\":\"Intruder-pass-1!\"}}",
            Refused.STATUS, null),
        new Call("finance counts running instances in the process statistics", "fran", Via.REST, get,
            engineRest + "/process-definition/statistics", null, Refused.EMPTY, "admin"),
        new Call("finance reads B's information", "fran", Via.REST, get, "/api/partnerships/{refB}/information", null,
            Refused.STATUS, "dana"),
        new Call("finance reads data protection's task", "fran", Via.REST, get, engineRest + "/task/{dpTask}", null,
            Refused.STATUS, "dana"),
        new Call("finance claims data protection's task", "fran", Via.REST, post, engineRest + "/task/{dpTask}/claim",
            "{\"userId\":\"fran\"}", Refused.STATUS, null),
        new Call("finance completes data protection's task", "fran", Via.REST, post,
            engineRest + "/task/{dpTask}/submit-form", "{\"variables\":{\"reviewDecision\":{\"value\":\"accept\"}}}",
            Refused.STATUS, null));
    Stream<Call> starts = PROCESS_KEYS.stream().flatMap(key -> Stream.of(
        a("A starts " + key, post, engineRest + "/process-definition/key/" + key + "/start", "{}", Refused.STATUS,
            null),
        a("A submits the start form of " + key, post, engineRest + "/process-definition/key/" + key + "/submit-form",
            "{\"variables\":{}}", Refused.STATUS, null)));
    return Stream.concat(tasks, starts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void isRefused(Call call) {
    if (call.allowedUser() != null) {
      ResponseEntity<String> allowed = send(call.allowedUser(), call);
      assertThat(allowed.getStatusCode().is2xxSuccessful()).as("%s may: %s", call.allowedUser(), allowed).isTrue();
      if (call.refused() != Refused.STATUS) {
        assertThat(allowed.getBody()).as("what %s sees", call.allowedUser()).isNotEqualTo("[]")
            .doesNotContain("\"count\":0");
      }
    }
    Map<String, Object> before = state();

    ResponseEntity<String> answer = send(call.user(), call);

    switch (call.refused()) {
      case STATUS -> assertThat(answer.getStatusCode().value()).as(answer.toString()).isIn(401, 403, 404);
      case EMPTY -> {
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo("[]");
      }
      case NONE_COUNTED -> {
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo("{\"count\":0}");
      }
    }
    assertThat(answer.getBody()).as("nothing of B's shows").doesNotContain("Isolation Beta", "Run 10 sessions");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void aPartnersContactCannotDeploy() {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "intruder");
    parts.add("intruder.bpmn", new ByteArrayResource(("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " targetNamespace=\"x\"><process id=\"intruder\" isExecutable=\"true\"><startEvent id=\"s\"/></process>"
        + "</definitions>").getBytes()) {
      @Override
      public String getFilename() {
        return "intruder.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();

    ResponseEntity<String> answer = rest.withBasicAuth(A, A + "-password").postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(parts, headers), String.class);

    assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(403);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @ParameterizedTest(name = "A opens {0}")
  @MethodSource("webapps")
  void aPartnerCannotOpenCockpitOrAdmin(String app) {
    WebappSession session = WebappSession.loggedIn(rest, A, A + "-password");
    WebappSession admin = WebappSession.loggedIn(rest, "admin", "admin");
    assertThat(admin.get("/camunda/app/" + app + "/default/").getStatusCode().value()).isEqualTo(200);

    ResponseEntity<String> page = session.get("/camunda/app/" + app + "/default/");
    ResponseEntity<String> who = session.get("/camunda/api/admin/auth/user/default");

    assertThat(page.getStatusCode().value()).as(page.toString()).isEqualTo(403);
    assertThat(who.getBody()).contains("\"authorizedApps\"").doesNotContain("\"" + app + "\"");
  }

  static Stream<String> webapps() {
    return Stream.of("cockpit", "admin");
  }

  private ResponseEntity<String> send(String user, Call call) {
    String path = resolve(call.path());
    String body = call.body() == null ? null : resolve(call.body());
    if (call.via() == Via.TASKLIST) {
      return sessions.computeIfAbsent(user, u -> WebappSession.loggedIn(rest, u, password(u)))
          .send(call.method(), path, body);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password(user)).exchange(path, call.method(), new HttpEntity<>(body, headers),
        String.class);
  }

  static final Map<String, WebappSession> sessions = new HashMap<>();

  private static String password(String user) {
    return switch (user) {
      case "admin" -> "admin";
      case A, B -> user + "-password";
      default -> "demo";
    };
  }

  private static String resolve(String text) {
    String resolved = text;
    for (var id : ids.entrySet()) {
      resolved = resolved.replace(id.getKey(), id.getValue());
    }
    return resolved;
  }

  /** What a refused call must leave as it was. */
  private Map<String, Object> state() {
    Map<String, Object> state = new HashMap<>();
    for (String task : List.of(ids.get("{taskB}"), ids.get("{dpTask}"))) {
      Task open = engine.getTaskService().createTaskQuery().taskId(task).singleResult();
      state.put(task, open == null ? "gone" : "open, assignee " + open.getAssignee());
    }
    state.put("process instances", engine.getRuntimeService().createProcessInstanceQuery().count());
    state.put("deployments", engine.getRepositoryService().createDeploymentQuery().count());
    state.put("users", engine.getIdentityService().createUserQuery().count());
    state.put("administrators", engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").count());
    return state;
  }
}
