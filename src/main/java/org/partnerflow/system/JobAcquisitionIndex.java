package org.partnerflow.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The index the Camunda manual recommends on {@code ACT_RU_JOB} for job acquisition that prefers
 * timer jobs and orders by due date ({@code jobExecutorPreferTimerJobs} and
 * {@code jobExecutorAcquireByDueDate}, set in the {@code postgres} profile): {@code (TYPE_ DESC,
 * DUEDATE_ ASC)}. The engine owns the table and creates it (or a DBA does, from its SQL scripts), so
 * the index is created once the engine's schema exists, at every start, only if it is missing. Where
 * the database user may not create it, the application starts anyway and says so: a DBA then creates
 * it as docs/operations.md shows.
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

  static final String NAME = "pf_idx_job_acquisition";
  static final String CREATE = "create index if not exists " + NAME + " on act_ru_job (type_ desc, duedate_ asc)";

  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);

  private DataSource dataSource;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.dataSource = configuration.getDataSource();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (dataSource == null) {
      LOG.warn("No data source in the engine configuration: index {} on ACT_RU_JOB not checked", NAME);
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      if (exists(connection)) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(CREATE);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      LOG.info("Created index {} on ACT_RU_JOB (TYPE_ DESC, DUEDATE_ ASC) for ordered job acquisition", NAME);
    } catch (SQLException e) {
      // two nodes starting at once may both try; the index is for speed, never for correctness
      LOG.warn("Could not create index {} on ACT_RU_JOB ({}); job acquisition works without it, only "
          + "slower with many jobs. Create it as docs/operations.md shows: {}", NAME, e.getMessage(), CREATE);
    }
  }

  /** Whether the index is on ACT_RU_JOB, whatever case the database keeps names in. */
  static boolean exists(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    for (String table : new String[] {"act_ru_job", "ACT_RU_JOB"}) {
      try (ResultSet indexes = metaData.getIndexInfo(null, null, table, false, false)) {
        while (indexes.next()) {
          String name = indexes.getString("INDEX_NAME");
          if (name != null && name.toLowerCase(Locale.ROOT).equals(NAME)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
