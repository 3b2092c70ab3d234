package org.partnerflow.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps Tasklist's filters fast on PostgreSQL with many open tasks. With authorization on, every task
 * query joins the authorizations that grant READ on the task ({@code PERMS_ & 2 = 2}) or READ_TASK on
 * its process definition ({@code PERMS_ & 64 = 64}), and the engine grants one authorization per task
 * and candidate group. PostgreSQL has no statistics for those bit tests and guessed that 0.5% of the
 * authorizations pass, so it joined them to the tasks by comparing every task with every grant
 * (10,000 open tasks: a manager's "My group's tasks" took seconds, and it grows with the square of
 * the tasks). Statistics on the two expressions give it the real share, and it looks each task's
 * grant up in the index on {@code RESOURCE_ID_} instead (docs/benchmarks.md, Tasklist filters).
 * The statistics only help a plan made for the actual values: the {@code postgres} profile plans each
 * statement for its values ({@code plan_cache_mode = force_custom_plan}).
 *
 * <p>Created after the engine has built (and so its tables) when missing; PostgreSQL 14 or later (expression
 * statistics); other databases are left as they are.
 */
@Component
class TaskQueryStatistics extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryStatistics.class);

  static final String[] STATEMENTS = {
      "CREATE STATISTICS IF NOT EXISTS partnerflow_auth_read ON (perms_ & 2) FROM act_ru_authorization",
      "CREATE STATISTICS IF NOT EXISTS partnerflow_auth_read_task ON (perms_ & 64) FROM act_ru_authorization",
      "ANALYZE act_ru_authorization"};

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource = configuration.getDataSource();
    try (Connection connection = dataSource.getConnection()) {
      var metadata = connection.getMetaData();
      if (!"PostgreSQL".equals(metadata.getDatabaseProductName()) || metadata.getDatabaseMajorVersion() < 14) {
        return;
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        for (String sql : STATEMENTS) {
          statement.execute(sql);
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
      LOG.info("Statistics for the task queries' authorization checks are in place");
    } catch (SQLException e) {
      LOG.warn("Could not create the statistics for the task queries' authorization checks: {}", e.getMessage());
    }
  }
}
