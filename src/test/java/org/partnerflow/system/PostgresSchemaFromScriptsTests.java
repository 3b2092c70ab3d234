package org.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.partnerflow.PartnerflowApplication;
import org.partnerflow.support.PostgresServer;
import org.partnerflow.support.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production set-up that docs/operations.md describes: the engine's tables created beforehand from
 * the SQL scripts in camunda-engine's jar, in the order given there, and the application started with
 * {@code camunda.bpm.database.schema-update=false}. Runs in the build's PostgreSQL run.
 */
class PostgresSchemaFromScriptsTests {

  /** The order docs/operations.md gives; the engine itself creates them in this order. */
  static final List<String> SCRIPTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  @Test
  void theApplicationStartsOnAnEngineSchemaCreatedFromTheEnginesScripts() throws Exception {
    assumeTrue(PostgresTestDatabase.active(), "runs in the PostgreSQL run of the build");
    PostgresServer server = PostgresServer.get();
    String url = server.newDatabase("scripts");
    try (Connection connection = DriverManager.getConnection(url, server.user(), "");
        Statement statement = connection.createStatement()) {
      for (String script : SCRIPTS) {
        statement.execute(script("org/camunda/bpm/engine/db/create/activiti.postgres.create." + script + ".sql"));
      }
    }

    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PartnerflowApplication.class)
        .profiles("demo", "postgres").run("--spring.datasource.url=" + url,
            "--spring.datasource.username=" + server.user(),
            "--camunda.bpm.database.schema-update=false",
            "--camunda.bpm.process-engine-name=fromscripts",
            "--camunda.bpm.job-execution.enabled=false",
            "--server.port=0", "--management.server.port=0",
            "--partnerflow.mail.embedded.smtp-port=0", "--partnerflow.mail.embedded.imap-port=0")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("collaboration")
          .count()).isEqualTo(1);
      assertThat(engine.getIdentityService().createUserQuery().userId("pat").count()).isEqualTo(1);
      // the postgres profile's settings for each connection (application-postgres.yaml)
      try (Connection connection = app.getBean(DataSource.class).getConnection();
          Statement statement = connection.createStatement();
          ResultSet settings = statement.executeQuery("select current_setting('plan_cache_mode'), "
              + "current_setting('jit'), current_setting('work_mem')")) {
        assertThat(settings.next()).isTrue();
        assertThat(List.of(settings.getString(1), settings.getString(2), settings.getString(3)))
            .containsExactly("auto", "off", "16MB");
      }
    }
  }

  private static String script(String resource) throws IOException, SQLException {
    try (InputStream in = ProcessEngine.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
