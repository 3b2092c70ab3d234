package org.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Expressions in task queries run code on the server. Nobody may send them (also not inside
 * {@code orQueries}, which Camunda 7.24 CE does not check), through the REST API or through Tasklist's
 * own API; only an administrator may save them in a filter, which everyone allowed to read it may run.
 */
@PartnerflowSpringTest
class TaskQueryExpressionsTests {

  static final String EXPRESSION = "${dateTime().plusYears(100).toDate()}";
  static final String OR_QUERY = "{\"orQueries\": [{\"dueAfterExpression\": \"" + EXPRESSION + "\"}]}";

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;

  final List<String> createdFilters = new ArrayList<>();
  final List<String> createdAuthorizations = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestCreated() {
    createdAuthorizations.forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
    createdFilters.forEach(id -> engine.getFilterService().deleteFilter(id));
  }

  @Test
  void theEngineAllowsExpressionsOnlyInSavedFilters() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(configuration.isEnableExpressionsInStoredQueries()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"pat, demo", "admin, admin"})
  void anExpressionAsATaskQueryParameterIsRefused(String user, String password) {
    ResponseEntity<String> response = rest.withBasicAuth(user, password)
        .getForEntity("/engine-rest/task?maxResults=10&dueAfterExpression={e}", String.class, EXPRESSION);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("Expressions are forbidden in adhoc queries");
  }

  @ParameterizedTest
  @CsvSource({"pat, demo", "admin, admin"})
  void anExpressionInsideOrQueriesIsRefusedInTaskListsAndCounts(String user, String password) {
    for (String path : List.of("/engine-rest/task?maxResults=10", "/engine-rest/task/count")) {
      ResponseEntity<String> response = postJson(user, password, path,
          "{\"orQueries\": [{\"candidateUserExpression\": \"${currentUser()}\"}]}");

      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).as(path).contains("also not inside orQueries", "taskCandidateUser");
    }
  }

  @Test
  void aFilterRunWhoseExtendingQueryHoldsExpressionsIsRefused() {
    String myTasks = filterId(RoleSetup.MY_TASKS);
    for (String path : List.of("/list?maxResults=10", "/count")) {
      ResponseEntity<String> response = postJson("pat", "demo", "/engine-rest/filter/" + myTasks + path, OR_QUERY);

      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).as(path).contains("also not inside orQueries", "dueAfter");
    }
    // Camunda's REST layer replaces the reason with its own message here
    assertThat(postJson("pat", "demo", "/engine-rest/filter/" + myTasks + "/singleResult", OR_QUERY).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void tasklistsOwnApiRefusesExpressionsLikeTheRestApi() {
    WebappSession pat = WebappSession.loggedIn(rest, "pat", "demo");
    String api = "/camunda/api/engine/engine/default";

    assertThat(pat.get(api + "/task?maxResults=10&followUpBeforeExpression={e}", EXPRESSION).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> search = pat.postJson(api + "/task?maxResults=10",
        "{\"orQueries\": [{\"followUpBeforeExpression\": \"" + EXPRESSION + "\"}]}");
    assertThat(search.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(search.getBody()).contains("also not inside orQueries");
    ResponseEntity<String> filterRun = pat.postJson(api + "/filter/" + filterId(RoleSetup.MY_TASKS)
        + "/list?maxResults=10", OR_QUERY);
    assertThat(filterRun.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(pat.postJson(api + "/filter/create", filter("pat", OR_QUERY)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void tasklistsFiltersWithExpressionsStillRunForTheirReaders() {
    WebappSession pat = WebappSession.loggedIn(rest, "pat", "demo");

    assertThat(rest.withBasicAuth("pat", "demo").getForEntity("/engine-rest/filter/" + filterId(RoleSetup.MY_TASKS)
        + "/list?maxResults=10", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pat.postJson("/camunda/api/engine/engine/default/filter/" + filterId(RoleSetup.MY_GROUPS_TASKS)
        + "/list?maxResults=10", "{\"taskVariables\": [], \"sorting\": [{\"sortBy\": \"dueDate\", \"sortOrder\": \"asc\"}]}")
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aUserAllowedToCreateFiltersStillCannotSaveExpressionsInThem() {
    assertThat(postJson("pat", "demo", "/engine-rest/filter/create", filter("pat", OR_QUERY)).getStatusCode())
        .as("without CREATE on filters").isEqualTo(HttpStatus.FORBIDDEN);
    grant(Roles.PARTNERSHIP_MANAGERS, Authorization.ANY, Permissions.CREATE);

    ResponseEntity<String> withExpression = postJson("pat", "demo", "/engine-rest/filter/create",
        filter("pat", "{\"assigneeExpression\": \"${currentUser()}\"}"));
    assertThat(withExpression.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(withExpression.getBody()).contains("Only an administrator may save a filter whose query holds "
        + "expressions");
    assertThat(postJson("pat", "demo", "/engine-rest/filter/create", filter("pat", OR_QUERY)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> plain = postJson("pat", "demo", "/engine-rest/filter/create",
        filter("pat", "{\"assignee\": \"pat\"}"));
    assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.OK);
    String id = engine.getFilterService().createFilterQuery().filterName("Pat's filter").singleResult().getId();
    createdFilters.add(id);
    ResponseEntity<String> update = rest.withBasicAuth("pat", "demo").exchange("/engine-rest/filter/" + id,
        HttpMethod.PUT, json(filter("pat", OR_QUERY)), String.class);
    assertThat(update.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(update.getBody()).contains("Only an administrator");
  }

  @Test
  void anAdministratorsFilterWithExpressionsRunsForEveryoneAllowedToReadIt() {
    ResponseEntity<String> created = postJson("admin", "admin", "/engine-rest/filter/create",
        filter("admin", "{\"assigneeExpression\": \"${currentUser()}\", \"orQueries\": [{\"dueBeforeExpression\": "
            + "\"" + EXPRESSION + "\"}]}"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    String id = engine.getFilterService().createFilterQuery().filterName("Admin's filter").singleResult().getId();
    createdFilters.add(id);
    grant(Roles.PARTNERSHIP_MANAGERS, id, Permissions.READ);

    assertThat(rest.withBasicAuth("pat", "demo").getForEntity("/engine-rest/filter/" + id + "/list?maxResults=10",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private String filter(String owner, String query) {
    String name = owner.substring(0, 1).toUpperCase() + owner.substring(1) + "'s filter";
    return "{\"resourceType\": \"Task\", \"name\": \"" + name + "\", \"owner\": \"" + owner + "\", \"query\": "
        + query + ", \"properties\": {}}";
  }

  private void grant(String groupId, String resourceId, Permissions permission) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(Resources.FILTER);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    createdAuthorizations.add(authorizations.saveAuthorization(grant).getId());
  }

  private String filterId(String name) {
    return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
  }

  private ResponseEntity<String> postJson(String user, String password, String path, String body) {
    return rest.withBasicAuth(user, password).postForEntity(path, json(body), String.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
