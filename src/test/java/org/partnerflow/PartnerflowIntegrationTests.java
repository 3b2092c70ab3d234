package org.partnerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.register.PartnershipRepository;
import org.partnerflow.register.PartnershipStatus;
import org.partnerflow.security.RoleSetup;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/** The real wiring: deployment, security, REST, the register API and mail through the job executor. */
@PartnerflowSpringTest
class PartnerflowIntegrationTests {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  PartnershipRepository partnerships;
  @Autowired
  GreenMail mail;
  @Autowired
  RoleSetup roleSetup;

  Journey journey;

  @BeforeEach
  void clearMail() throws Exception {
    mail.purgeEmailFromAllMailboxes();
    journey = new Journey(engine);
  }

  @Test
  void oneDeploymentHoldsTheDiagramsTheDecisionTablesAndTheForms() {
    Deployment deployment = engine.getRepositoryService().createDeploymentQuery().singleResult();
    List<String> resources = engine.getRepositoryService().getDeploymentResources(deployment.getId()).stream()
        .map(Resource::getName).toList();

    assertThat(resources).anyMatch(name -> name.endsWith("partner-identification.bpmn"))
        .anyMatch(name -> name.endsWith("collaboration-recommendation.dmn"))
        .anyMatch(name -> name.endsWith("propose-partner.form"))
        .anyMatch(name -> name.endsWith("evaluate-feasibility.form"))
        .anyMatch(name -> name.endsWith("decide-collaboration.form"));
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("collaborationRecommendation").count()).isEqualTo(1);
  }

  @Test
  void authorizationIsOnAndTheRestApiRefusesAnonymousCallers() {
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();

    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/partnerships", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // a wrong password also delays that user's next login (Camunda's login throttling), so use another user
    assertThat(rest.withBasicAuth("dana", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("pat", "demo").getForEntity("/engine-rest/task?maxResults=50", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theRootLeadsToTheCamundaLogin() throws Exception {
    HttpResponse<String> root = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/")).build(), BodyHandlers.ofString());

    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).hasValue(rest.getRootUri() + "/camunda/app/");
    assertThat(rest.getForEntity("/camunda/app/tasklist/default/", String.class).getBody()).contains("Tasklist");
  }

  @Test
  void tasklistLoadsOurScriptsForListsInFormsAndSortingByDueDate() {
    assertThat(rest.getForObject("/camunda/app/tasklist/scripts/config.js", String.class))
        .contains("customScripts: ['scripts/partnerflow/form-validity', 'scripts/partnerflow/sort-by-due-date']");
    assertThat(rest.getForObject("/camunda/app/tasklist/scripts/partnerflow/form-validity.js", String.class))
        .contains("fjs-has-errors", "notifyFormValidated");
    assertThat(rest.getForObject("/camunda/app/tasklist/scripts/partnerflow/sort-by-due-date.js", String.class))
        .contains("dueDate");
  }

  @Test
  void theLoginPageTasklistCockpitAndAdminCarryOurName() {
    for (String app : List.of("welcome", "tasklist", "cockpit", "admin")) {
      assertThat(rest.getForObject("/camunda/app/" + app + "/scripts/config.js", String.class)).as(app)
          .contains("vendor: 'Partnerflow'");
      assertThat(rest.getForObject("/camunda/app/" + app + "/styles/user-styles.css", String.class)).as(app)
          .contains(".login-logo::before", "content: 'Partnerflow'");
    }
    assertThat(rest.getForObject("/camunda/app/tasklist/scripts/config.js", String.class)).contains("name: 'Tasklist'");
  }

  @Test
  void eachRoleMayStartOnlyItsOwnProcesses() {
    assertThat(startable("pat")).containsExactlyInAnyOrder("partnerIdentification", "partnerInformation");
    assertThat(startable("sam")).containsExactly("partnerIdentification");
    assertThat(startable("dana")).containsExactly("partnerInformation");
    assertThat(startable("fran")).isEmpty();
    assertThat(startable("riley")).isEmpty();

    ResponseEntity<String> partnerTries = rest.withBasicAuth("riley", "demo").postForEntity(
        "/engine-rest/process-definition/key/partnerIdentification/submit-form",
        Map.of("variables", Map.of("organisationName", Map.of("value", "Sneaky Ltd"))), String.class);
    assertThat(partnerTries.getStatusCode().is4xxClientError()).isTrue();
  }

  @Test
  void everyRoleReadsTheThreeTasklistFiltersAndNobodyElseDoes() {
    for (String user : List.of("pat", "sam", "fran", "dana")) {
      assertThat(names(rest.withBasicAuth(user, "demo").exchange("/engine-rest/filter?resourceType=Task&maxResults=50",
          HttpMethod.GET, null, LIST).getBody())).as(user)
          .containsExactlyInAnyOrder("My tasks", "My group's tasks", "Overdue");
    }
    // a partner's contact is in no group until an agreement goes to their organisation
    engine.getIdentityService().saveUser(newUser("nogroup"));
    assertThat(rest.withBasicAuth("nogroup", "nogroup-password").exchange("/engine-rest/filter?maxResults=50", HttpMethod.GET, null,
        LIST).getBody()).isEmpty();
    roleSetup.ensurePartnerGroup(engine, "partner-filter-readers", "Filter Readers (partner)");
    engine.getIdentityService().saveUser(newUser("filterreader"));
    engine.getIdentityService().createMembership("filterreader", "partner-filter-readers");
    assertThat(names(list(rest.withBasicAuth("filterreader", "filterreader-password"), "/engine-rest/filter")))
        .containsExactlyInAnyOrder("My tasks", "My group's tasks", "Overdue");
  }

  @Test
  void eachRoleReadsTheDefinitionsOfItsProcessesAndStillNoInstanceOrTaskItWasNotGiven() {
    ProcessInstance agreement = journey.approvedPartnership("Definition Readers");
    journey.complete(agreement, "Task_DraftAgreement", "pat", Journey.draftAgreement());
    String group = (String) engine.getRuntimeService().getVariable(agreement.getId(), "partnerGroup");
    engine.getIdentityService().saveUser(newUser("definitionreader"));
    engine.getIdentityService().createMembership("definitionreader", group);
    TestRestTemplate fran = rest.withBasicAuth("fran", "demo");
    TestRestTemplate contact = rest.withBasicAuth("definitionreader", "definitionreader-password");

    // Tasklist shows the process's name above the task
    assertThat(definitionName(fran, "collaborationAgreement")).isEqualTo("Agree the collaboration");
    assertThat(definitionName(rest.withBasicAuth("dana", "demo"), "partnerInformation"))
        .isEqualTo("Handle information from the partner");
    assertThat(definitionName(rest.withBasicAuth("sam", "demo"), "collaborationAgreement"))
        .isEqualTo("Agree the collaboration");
    assertThat(definitionName(rest.withBasicAuth("pat", "demo"), "agreedAction")).isEqualTo("Carry out an agreed action");
    assertThat(definitionName(contact, "progressReport")).isEqualTo("Exchange progress reports");
    assertThat(fran.getForEntity("/engine-rest/process-definition/key/partnerIdentification", String.class)
        .getStatusCode().is4xxClientError()).isTrue();
    assertThat(contact.getForEntity("/engine-rest/process-definition/key/partnerInformation", String.class)
        .getStatusCode().is4xxClientError()).isTrue();

    // but reading a definition shows nothing of its instances, and only the tasks one is a candidate for
    for (TestRestTemplate reader : List.of(fran, contact)) {
      assertThat(list(reader, "/engine-rest/process-instance?processDefinitionKey=collaborationAgreement")).isEmpty();
      assertThat(reader.getForEntity("/engine-rest/process-instance/" + agreement.getId(), String.class)
          .getStatusCode().is4xxClientError()).isTrue();
      assertThat(list(reader, "/engine-rest/history/process-instance?processDefinitionKey=collaborationAgreement"))
          .isEmpty();
      assertThat(list(reader, "/engine-rest/variable-instance?processInstanceIdIn=" + agreement.getId())).isEmpty();
    }
    assertThat(names(list(fran, "/engine-rest/task?processInstanceId=" + agreement.getId())))
        .containsExactly("Sign off the costs: Definition Readers");
    assertThat(list(contact, "/engine-rest/task?processInstanceId=" + agreement.getId())).isEmpty();

    // and starts nothing: neither finance nor a partner's contact may start any process (those whose
    // definition they read answer 403, the others 404 as if they did not exist)
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
    for (String key : engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list().stream()
        .map(definition -> definition.getKey()).toList()) {
      for (TestRestTemplate starter : List.of(fran, contact)) {
        assertThat(start(starter, key).is4xxClientError()).as(key).isTrue();
      }
    }
    assertThat(start(fran, "collaborationAgreement")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(start(contact, "progressReport")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(startable(fran)).isEmpty();
    assertThat(startable(contact)).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aPartnerGroupFromBeforeItsRoleCouldReadDefinitionsMayAfterTheNextStart() {
    var group = engine.getIdentityService().newGroup("partner-from-before");
    group.setName("From Before (partner)");
    group.setType("PARTNER");
    engine.getIdentityService().saveGroup(group);
    engine.getIdentityService().saveUser(newUser("frombefore"));
    engine.getIdentityService().createMembership("frombefore", "partner-from-before");
    TestRestTemplate contact = rest.withBasicAuth("frombefore", "frombefore-password");
    assertThat(contact.getForEntity("/engine-rest/process-definition/key/progressReport", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    roleSetup.postProcessEngineBuild(engine);

    assertThat(definitionName(contact, "progressReport")).isEqualTo("Exchange progress reports");
    assertThat(startable(contact)).isEmpty();
  }

  @Test
  void theRegisterApiServesManagersAndRefusesOthersAndBadQueries() {
    assertThat(rest.withBasicAuth("pat", "demo").getForEntity("/api/partnerships", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("fran", "demo").getForEntity("/api/partnerships", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("riley", "demo").getForEntity("/api/partnerships", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("pat", "demo").getForEntity("/api/partnerships/PF-999999", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("pat", "demo").getForEntity("/api/partnerships/DROP TABLE", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> badStatus = rest.withBasicAuth("pat", "demo")
        .getForEntity("/api/partnerships?status=MAYBE", String.class);
    assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badStatus.getBody()).contains("Unknown status");
  }

  @Test
  void aProposalThroughTheRestApiAsTasklistSendsItEndsWithMailFromTheJobExecutor() throws Exception {
    TestRestTemplate pat = rest.withBasicAuth("pat", "demo");
    TestRestTemplate sam = rest.withBasicAuth("sam", "demo");
    Map<String, Object> started = pat.postForObject("/engine-rest/process-definition/key/partnerIdentification/submit-form",
        Map.of("variables", variables(org.partnerflow.support.Journey.proposal("Quayside Arts"))), Map.class);
    String reference = (String) started.get("businessKey");

    ResponseEntity<String> refused = pat.postForEntity("/engine-rest/task/" + taskId(pat, reference) + "/submit-form",
        Map.of("variables", Map.of("strategicFitScore", Map.of("value", "not a number"))), String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    for (String outsider : List.of("sam", "fran", "riley")) {
      assertThat(rest.withBasicAuth(outsider, "demo").exchange("/engine-rest/task?maxResults=50&processInstanceBusinessKey="
          + reference, HttpMethod.GET, HttpEntity.EMPTY, LIST).getBody()).as(outsider).isEmpty();
    }

    Map<String, Object> evaluation = variables(org.partnerflow.support.Journey.favourableEvaluation());
    evaluation.put("risks", Map.of("type", "Json", "value", "[{\"description\":\"Venue closes\",\"likelihood\":\"low\","
        + "\"impact\":\"medium\",\"mitigation\":\"Second venue\",\"mitigable\":true}]"));
    assertThat(pat.postForEntity("/engine-rest/task/" + taskId(pat, reference) + "/submit-form",
        Map.of("variables", evaluation), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(sam.postForEntity("/engine-rest/task/" + taskId(sam, reference) + "/submit-form",
        Map.of("variables", Map.of("decision", Map.of("value", "reject"), "decisionReason",
            Map.of("value", "Not this year"))), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    jobExecutor.start();
    try {
      assertThat(mail.waitForIncomingEmail(Duration.ofSeconds(30).toMillis(), 1)).isTrue();
    } finally {
      jobExecutor.shutdown();
    }
    MimeMessage message = mail.getReceivedMessagesForDomain("pat@partnerflow.example")[0];
    assertThat(message.getSubject()).contains("Quayside Arts", reference);
    assertThat(GreenMailUtil.getBody(message)).contains("Not this year");
    assertThat(partnerships.findByReference(reference).orElseThrow().getStatus()).isEqualTo(PartnershipStatus.NOT_PURSUED);
  }

  @Test
  void callsNamingUnknownTasksOrCarryingRefusedInputGetClientErrors() {
    TestRestTemplate pat = rest.withBasicAuth("pat", "demo");
    Map<String, Object> body = Map.of("variables", Map.of("decision", Map.of("value", "approve")));
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();

    assertThat(pat.postForEntity("/engine-rest/task/no-such-task/submit-form", body, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(pat.postForEntity("/engine-rest/task/no-such-task/complete", body, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(pat.postForEntity("/engine-rest/task/no-such-task/claim", Map.of("userId", "pat"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> badStart = pat.postForEntity("/engine-rest/process-definition/key/partnerIdentification/start",
        Map.of("variables", Map.of("organisationName", Map.of("value", "No Sector Ltd"))), String.class);
    assertThat(badStart.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badStart.getBody()).contains("The sector is required");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  private String taskId(TestRestTemplate user, String reference) {
    List<Map<String, Object>> tasks = user.exchange("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + reference,
        HttpMethod.GET, HttpEntity.EMPTY, LIST).getBody();
    assertThat(tasks).hasSize(1);
    return (String) tasks.get(0).get("id");
  }

  private List<String> startable(String user) {
    return startable(rest.withBasicAuth(user, "demo"));
  }

  private static List<String> startable(TestRestTemplate user) {
    return user.exchange("/engine-rest/process-definition?latestVersion=true"
        + "&startableInTasklist=true&startablePermissionCheck=true&maxResults=50", HttpMethod.GET, null, LIST).getBody()
        .stream().map(definition -> (String) definition.get("key")).toList();
  }

  private static List<String> names(List<Map<String, Object>> filtersOrTasks) {
    return filtersOrTasks.stream().map(each -> (String) each.get("name")).toList();
  }

  /** A page of a REST list, which must answer 200 (a list without maxResults is refused: the query limit). */
  private static List<Map<String, Object>> list(TestRestTemplate reader, String path) {
    ResponseEntity<List<Map<String, Object>>> answer = reader.exchange(path + (path.contains("?") ? "&" : "?")
        + "maxResults=50", HttpMethod.GET, null, LIST);
    assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static HttpStatusCode start(TestRestTemplate starter, String processKey) {
    return starter.postForEntity("/engine-rest/process-definition/key/" + processKey + "/start",
        Map.of("variables", Map.of()), String.class).getStatusCode();
  }

  private static String definitionName(TestRestTemplate reader, String processKey) {
    ResponseEntity<Map> definition = reader.getForEntity("/engine-rest/process-definition/key/" + processKey, Map.class);
    assertThat(definition.getStatusCode()).as(processKey).isEqualTo(HttpStatus.OK);
    return (String) definition.getBody().get("name");
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> result = new java.util.HashMap<>();
    values.forEach((name, value) -> {
      if (!(value instanceof org.camunda.bpm.engine.variable.value.TypedValue)) {
        result.put(name, Map.of("value", value));
      }
    });
    return result;
  }

  private org.camunda.bpm.engine.identity.User newUser(String id) {
    org.camunda.bpm.engine.identity.User user = engine.getIdentityService().newUser(id);
    user.setPassword(id + "-password");
    user.setEmail(id + "@partnerflow.example");
    return user;
  }
}
