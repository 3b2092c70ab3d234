package org.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The configured administrator always stays in {@code camunda-admin}, and Camunda Admin's first-run
 * page, which makes anyone an administrator while that group is empty, is closed once users exist.
 */
@PartnerflowSpringTest
class AdministratorTests {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AdministratorMembership administratorMembership;

  @AfterEach
  void putTheAdministratorBack() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
    }
    if (identity.createUserQuery().userId("intruder").count() > 0) {
      identity.deleteUser("intruder");
    }
  }

  @Test
  void theAdministratorCannotBeTakenOutOfCamundaAdminNorDeleted() {
    TestRestTemplate admin = rest.withBasicAuth("admin", "admin");

    ResponseEntity<String> leave = admin.exchange("/engine-rest/group/camunda-admin/members/admin", HttpMethod.DELETE,
        null, String.class);
    assertThat(leave.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(leave.getBody()).contains("does not take the administrator 'admin' out of camunda-admin");
    assertThat(admin.exchange("/engine-rest/user/admin", HttpMethod.DELETE, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(admin.exchange("/engine-rest/group/camunda-admin", HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(engine.getIdentityService().createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN)
        .count()).isEqualTo(1);
  }

  @Test
  void aStartPutsTheAdministratorBackIntoCamundaAdmin() {
    leaveCamundaAdminBehindTheEnginesBack();

    administratorMembership.postProcessEngineBuild(engine);

    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting(user -> user.getId()).containsExactly("admin");
  }

  @Test
  void theFirstRunSetupIsClosedToAnonymousCallersOnceUsersExistEvenWithCamundaAdminEmpty() {
    leaveCamundaAdminBehindTheEnginesBack();
    WebappSession anonymous = WebappSession.anonymous(rest);

    ResponseEntity<String> setup = anonymous.postJson("/camunda/api/admin/setup/default/user/create",
        "{\"profile\": {\"id\": \"intruder\", \"firstName\": \"I\", \"lastName\": \"N\", \"email\": \"i@n.example\"},"
            + " \"credentials\": {\"password\": \"Intruder-passw0rd!\"}}");

    assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(setup.getBody()).contains("Setup is not available");
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
  }

  /** As a database administrator or an identity provider could: the engine's own API refuses it. */
  private void leaveCamundaAdminBehindTheEnginesBack() {
    int removed = jdbc.update("delete from ACT_ID_MEMBERSHIP where USER_ID_ = ? and GROUP_ID_ = ?", "admin",
        Groups.CAMUNDA_ADMIN);
    assertThat(removed).isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isZero();
  }
}
