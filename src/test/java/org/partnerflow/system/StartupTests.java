package org.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.partnerflow.PartnerflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole application starts, each on its own in-memory database and under its own engine name (so
 * they never meet the shared test context's engine): what a restart deploys, and what the prod
 * profile refuses.
 */
class StartupTests {

  private static final AtomicInteger RUN = new AtomicInteger();

  @Test
  void aRestartOnTheSameDatabaseDoesNotRedeployUnchangedModels() {
    String database = "restart" + RUN.incrementAndGet();
    try (ConfigurableApplicationContext first = start(database, "demo")) {
      assertThat(deployments(first)).isEqualTo(1);
    }
    try (ConfigurableApplicationContext second = start(database, "demo")) {
      assertThat(deployments(second)).isEqualTo(1);
      assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery()
          .processDefinitionKey("partnerIdentification").count()).isEqualTo(1);
    }
  }

  @Test
  void prodRefusesAnAdministratorWhosePasswordIsItsUserId() {
    assertThatThrownBy(() -> start("prod-same" + RUN.incrementAndGet(), "prod",
        "camunda.bpm.admin-user.id=chief", "camunda.bpm.admin-user.password=chief"))
        .rootCause().hasMessageContaining("refuses to start in the prod profile")
        .hasMessageContaining("password equals its user id");
  }

  @Test
  void prodRefusesAnAdministratorPasswordShorterThanTwelveCharacters() {
    assertThatThrownBy(() -> start("prod-short" + RUN.incrementAndGet(), "prod",
        "camunda.bpm.admin-user.id=chief", "camunda.bpm.admin-user.password=Sh0rt-pass"))
        .rootCause().hasMessageContaining("shorter than 12 characters");
  }

  @Test
  void prodRefusesToRunBesideTheDemoProfile() {
    assertThatThrownBy(() -> start("prod-demo" + RUN.incrementAndGet(), "prod,demo",
        "camunda.bpm.admin-user.id=chief", "camunda.bpm.admin-user.password=A-long-and-secret-0ne"))
        .rootCause().hasMessageContaining("demo profile is active");
  }

  @Test
  void prodRefusesADatabaseThatStillHoldsTheDemoUsers() {
    String database = "prod-leftovers" + RUN.incrementAndGet();
    start(database, "demo").close();

    assertThatThrownBy(() -> start(database, "prod", "camunda.bpm.admin-user.id=chief",
        "camunda.bpm.admin-user.password=A-long-and-secret-0ne"))
        .rootCause().hasMessageContaining("demo user 'pat' exists");
  }

  @Test
  void prodStartsWithAStrongAdministratorPasswordAndWithoutDemoUsers() {
    try (ConfigurableApplicationContext prod = start("prod-ok" + RUN.incrementAndGet(), "prod",
        "camunda.bpm.admin-user.id=chief", "camunda.bpm.admin-user.password=A-long-and-secret-0ne")) {
      org.camunda.bpm.engine.IdentityService identity = prod.getBean(org.camunda.bpm.engine.IdentityService.class);
      assertThat(identity.createUserQuery().userId("pat").count()).isZero();
      assertThat(identity.checkPassword("chief", "A-long-and-secret-0ne")).isTrue();
      assertThat(identity.createGroupQuery().groupId("partnership-managers").count()).isEqualTo(1);
    }
  }

  private static long deployments(ConfigurableApplicationContext context) {
    return context.getBean(RepositoryService.class).createDeploymentQuery().count();
  }

  private static ConfigurableApplicationContext start(String database, String profiles, String... extra) {
    List<String> properties = new ArrayList<>(List.of(
        "spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=" + database.replace("-", ""),
        "camunda.bpm.job-execution.enabled=false",
        "server.port=0",
        "management.server.port=0",
        "partnerflow.mail.embedded.smtp-port=0",
        "partnerflow.mail.embedded.imap-port=0",
        "spring.mail.host=127.0.0.1"));
    properties.addAll(List.of(extra));
    // as command-line arguments, so they win over application.yaml (builder properties would not)
    return new SpringApplicationBuilder(PartnerflowApplication.class).profiles(profiles.split(","))
        .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
  }
}
