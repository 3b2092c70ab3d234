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
 * its process definition ({@code PERMS_ & 64 = 64}) on {@code RESOURCE_ID_ IN (task id, definition key,
 * '*')}, and the engine grants one authorization per task and candidate group.
 * <ul>
 * <li><b>Statistics on the two bit tests.</b> Without them PostgreSQL guessed that 0.5% of the
 * authorizations pass, so it joined them to the tasks by comparing every task with every grant (10,000
 * open tasks: a manager's "My group's tasks" took seconds, and it grows with the square of the tasks).
 * With them it looks each task's grant up in an index instead. They only help a plan made for the
 * actual values, which {@link TaskQueryPlans} has PostgreSQL make for the task queries at every run.
 * <li><b>An index of the grants on tasks and process definitions only</b> ({@value #GRANTS_INDEX}:
 * {@code RESOURCE_ID_} where {@code TYPE_ < 2} and the resource is a task or a process definition).
 * That lookup runs once per visible task, three probes each, and the engine's own index on
 * {@code RESOURCE_ID_} also holds every other resource type's grants: for {@code '*'} alone it read 25
 * rows a task (the roles' grants on all deployments, filters, users...) to keep 2. The engine's query
 * always carries the two conditions, so PostgreSQL proves the index applies and reads only those.
 * </ul>
 * The figures before and after are in docs/benchmarks.md (Tasklist filters).
 *
 * <p>Since {@link TaskQueryAuthorization} checks the grants with subqueries, that per-task join runs only
 * where the engine's own statement does: another engine version, or revoke checks switched on. Both
 * still serve the copy: the statistics tell PostgreSQL how many grants a user's subquery returns (so it
 * hashes them), and the index answers its look-ups of a definition's and of {@code '*'} grants.
 *
 * <p>Created after the engine has built (and so its tables) when missing; PostgreSQL 14 or later (expression
 * statistics); other databases are left as they are.
 */
@Component
class TaskQueryTuning extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryTuning.class);

  static final String GRANTS_INDEX = "pf_idx_auth_task_grants";
  static final String STATISTICS_READ = "partnerflow_auth_read";
  static final String STATISTICS_READ_TASK = "partnerflow_auth_read_task";

  static final String[] STATEMENTS = {
      "CREATE STATISTICS IF NOT EXISTS " + STATISTICS_READ + " ON (perms_ & 2) FROM act_ru_authorization",
      "CREATE STATISTICS IF NOT EXISTS " + STATISTICS_READ_TASK + " ON (perms_ & 64) FROM act_ru_authorization",
      "CREATE INDEX IF NOT EXISTS " + GRANTS_INDEX + " ON act_ru_authorization (resource_id_) "
          + "WHERE type_ < 2 AND (resource_type_ = 6 OR resource_type_ = 7)",
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
      LOG.info("Statistics and index for the task queries' authorization checks are in place");
    } catch (SQLException e) {
      LOG.warn("Could not create the statistics and index for the task queries' authorization checks: {}", e.getMessage());
    }
  }
}
