package org.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Job acquisition by due date (on H2 and, in the build's second run, on PostgreSQL): the engine asks
 * only for due jobs, oldest first; the database answers from the index on the due date rather than by
 * reading every timer that falls due later; the index an earlier version made for acquiring timers
 * first is gone after a start; and a job made without a due date (by an earlier version) runs after
 * the next start instead of never.
 */
@PartnerflowSpringTest
class JobAcquisitionTests {

  /** The engine's acquisition statement (Job.xml, selectNextJobsToExecute) as these settings make it. */
  private static final String ACQUISITION = "select RES.ID_ from ACT_RU_JOB RES where (RES.RETRIES_ > 0) "
      + "and (RES.DUEDATE_ <= current_timestamp) "
      + "and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < current_timestamp) and RES.SUSPENSION_STATE_ = 1 "
      + "order by RES.DUEDATE_ asc";

  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  @Test
  void theJobExecutorAsksForTheDueJobsOldestFirstWithoutLookingForMissingDueDates() {
    ProcessEngineConfigurationImpl configuration = configuration();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    // ordering by type first made every acquisition without a due timer walk all future timers
    assertThat(configuration.isJobExecutorPreferTimerJobs()).isFalse();
  }

  @Test
  void theDatabaseFindsTheDueJobsThroughTheDueDateIndex() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
          .contains("postgres");
      if (postgres) {
        // the test database holds a handful of jobs, which PostgreSQL would rather read whole
        statement.execute("set enable_seqscan = off");
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = statement.executeQuery("explain " + ACQUISITION)) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      } finally {
        if (postgres) {
          statement.execute("reset enable_seqscan");
        }
      }
      String text = plan.toString().toLowerCase(Locale.ROOT).replace("\"", "");
      if (postgres) {
        assertThat(text).contains(JobAcquisition.NAME).containsPattern("index cond: \\(+(res\\.)?duedate_ <=");
      } else {
        assertThat(text).containsPattern(JobAcquisition.NAME + ": (res\\.)?duedate_ <=");
      }
    }
  }

  @Test
  void aStartLeavesTheDueDateIndexAndDropsTheOneForTimersFirst() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists " + JobAcquisition.FORMER_NAME
          + " on act_ru_job (type_ desc, duedate_ asc)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      assertThat(EngineIndexes.exists(connection, JobAcquisition.TABLE, JobAcquisition.FORMER_NAME)).isTrue();
    }

    start();
    start(); // a second start changes nothing

    try (Connection connection = dataSource.getConnection()) {
      assertThat(EngineIndexes.exists(connection, JobAcquisition.TABLE, JobAcquisition.NAME)).isTrue();
      assertThat(EngineIndexes.exists(connection, JobAcquisition.TABLE, JobAcquisition.FORMER_NAME)).isFalse();
    }
  }

  @Test
  void aJobMadeWithoutADueDateIsAcquiredAfterTheNextStart() throws Exception {
    Deployment deployment = engine.getRepositoryService().createDeployment().name("job without due date")
        .addModelInstance("job-without-due-date.bpmn", Bpmn.createExecutableProcess("jobWithoutDueDate")
            .camundaHistoryTimeToLive(1).startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}")
            .endEvent().done())
        .deploy();
    try {
      String instance = engine.getRuntimeService().startProcessInstanceByKey("jobWithoutDueDate").getId();
      Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
      assertThat(job.getDuedate()).as("every new job has a due date").isNotNull();
      // as an earlier version made its asynchronous steps
      try (Connection connection = dataSource.getConnection();
          PreparedStatement clear = connection.prepareStatement("update act_ru_job set duedate_ = null where id_ = ?")) {
        clear.setString(1, job.getId());
        assertThat(clear.executeUpdate()).isOne();
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
      }
      assertThat(acquirable()).as("without a due date the job executor never finds it").doesNotContain(job.getId());

      start();

      assertThat(acquirable()).contains(job.getId());
      assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getDuedate())
          .isNotNull();
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  /** What the plugin does when the engine starts. */
  private void start() {
    JobAcquisition plugin = new JobAcquisition();
    plugin.preInit(configuration());
    plugin.postProcessEngineBuild(engine);
  }

  /** The ids the job executor's acquisition would take now (read only: nothing is locked). */
  private List<String> acquirable() {
    return configuration().getCommandExecutorTxRequired().execute(context -> context.getJobManager()
        .findNextJobsToExecute(new Page(0, 100_000)).stream().map(AcquirableJobEntity::getId).toList());
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
