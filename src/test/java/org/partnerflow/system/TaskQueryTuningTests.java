package org.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On PostgreSQL (the build's second run) the engine's start leaves the statistics and the index that
 * keep Tasklist's filters fast, and a second start changes nothing (the postgres profile's settings for
 * each connection are checked where that profile runs, in {@link PostgresSchemaFromScriptsTests}).
 * On H2 there is nothing to check.
 */
@PartnerflowSpringTest
class TaskQueryTuningTests {

  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  @Test
  void theEngineStartLeavesTheStatisticsAndTheGrantsIndexOnPostgresql() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assumeTrue("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()), "PostgreSQL only");
      assertThat(one(connection, "select count(*) from pg_statistic_ext where stxname in ('"
          + TaskQueryTuning.STATISTICS_READ + "', '" + TaskQueryTuning.STATISTICS_READ_TASK + "')")).isEqualTo("2");
      assertThat(one(connection, "select indexdef from pg_indexes where indexname = '" + TaskQueryTuning.GRANTS_INDEX
          + "'")).contains("(resource_id_)").contains("type_ < 2").contains("resource_type_ = 6")
          .contains("resource_type_ = 7");
    }
  }

  @Test
  void aSecondStartChangesNothing() throws Exception {
    TaskQueryTuning plugin = new TaskQueryTuning();
    plugin.preInit((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
    plugin.postProcessEngineBuild(engine);
    try (Connection connection = dataSource.getConnection()) {
      if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        assertThat(one(connection, "select count(*) from pg_indexes where indexname = '"
            + TaskQueryTuning.GRANTS_INDEX + "'")).isEqualTo("1");
      }
    }
  }

  private static String one(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      assertThat(result.next()).as(sql).isTrue();
      return result.getString(1);
    }
  }
}
