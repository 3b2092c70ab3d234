package org.partnerflow.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What job acquisition by due date needs on {@code ACT_RU_JOB}, on every database. With
 * {@code ensureJobDueDateNotNull} and {@code jobExecutorAcquireByDueDate} ({@code application.yaml}) every job
 * has a due date (a mail step's is the moment it was made) and the job executor asks for the due jobs,
 * oldest first: with the index {@value #NAME} on {@code DUEDATE_} the database reads only those, however many
 * timers wait for later (reminders, follow-ups, reviews: a few per partnership and per action). Without the
 * index, or with the null check the engine adds when due dates may be missing, every acquisition passed
 * every future timer (docs/benchmarks.md, overdue storm, 17).
 *
 * <p>At every start, once the engine's schema exists:
 * <ul>
 * <li>the index is created if missing;</li>
 * <li>the index an earlier version made for acquiring timers first ({@value #FORMER_NAME}) is dropped: no
 * acquisition orders by it any more, and every job written would still update it;</li>
 * <li>jobs without a due date, made before due dates were set on every job (by an earlier version, or by
 * a node not yet upgraded), are given the current time: the acquisition no longer looks for a missing
 * due date, and without one they would never run.</li>
 * </ul>
 * Where the database user may not change the schema, the application starts anyway and says so: a DBA
 * then runs the statements docs/operations.md shows.
 */
@Component
class JobAcquisition extends AbstractProcessEnginePlugin {

  static final String TABLE = "act_ru_job";
  static final String NAME = "pf_idx_job_due";
  static final String CREATE = "create index if not exists " + NAME + " on act_ru_job (duedate_)";
  static final String FORMER_NAME = "pf_idx_job_acquisition";
  static final String DROP_FORMER = "drop index if exists " + FORMER_NAME;
  static final String DATE_MISSING_DUE_DATES = "update act_ru_job set duedate_ = ? where duedate_ is null";

  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisition.class);

  private DataSource dataSource;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.dataSource = configuration.getDataSource();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (dataSource == null) {
      LOG.warn("No data source in the engine configuration: index {} and due dates on ACT_RU_JOB not checked", NAME);
      return;
    }
    schema();
    dueDates();
  }

  private void schema() {
    try (Connection connection = dataSource.getConnection()) {
      if (!EngineIndexes.exists(connection, TABLE, NAME)) {
        EngineIndexes.execute(connection, CREATE);
        LOG.info("Created index {} on ACT_RU_JOB (DUEDATE_) for job acquisition by due date", NAME);
      }
      if (EngineIndexes.exists(connection, TABLE, FORMER_NAME)) {
        EngineIndexes.execute(connection, DROP_FORMER);
        LOG.info("Dropped index {} on ACT_RU_JOB: acquisition no longer orders by job type", FORMER_NAME);
      }
    } catch (SQLException e) {
      // two nodes starting at once may both try; the index is for speed, never for correctness
      LOG.warn("Could not create index {} or drop index {} on ACT_RU_JOB ({}); job acquisition works without "
          + "them, only slower with many timers. Run as docs/operations.md shows: {}; {}", NAME, FORMER_NAME,
          e.getMessage(), CREATE, DROP_FORMER);
    }
  }

  private void dueDates() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(DATE_MISSING_DUE_DATES)) {
      update.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
      int dated = update.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      if (dated > 0) {
        LOG.info("Gave {} jobs without a due date the current time, so that job acquisition by due date runs them",
            dated);
      }
    } catch (SQLException e) {
      LOG.error("Could not give jobs without a due date the current time ({}); they will not run until they have "
          + "one. Run as docs/operations.md shows: {}", e.getMessage(), DATE_MISSING_DUE_DATES, e);
    }
  }
}
