package org.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The index the Camunda manual recommends for acquiring timers first, by due date, is on ACT_RU_JOB
 * once the engine has started (on H2 and, in the build's second run, on PostgreSQL), and a start on a
 * database that has it already changes nothing.
 */
@PartnerflowSpringTest
class JobAcquisitionIndexTests {

  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  @Test
  void theEngineStartLeavesTheAcquisitionIndexOnTheJobTable() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(JobAcquisitionIndex.exists(connection)).isTrue();
    }
  }

  @Test
  void creatingItAgainChangesNothing() throws Exception {
    JobAcquisitionIndex plugin = new JobAcquisitionIndex();
    plugin.preInit((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
    plugin.postProcessEngineBuild(engine);
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(JobAcquisitionIndex.CREATE);
      assertThat(JobAcquisitionIndex.exists(connection)).isTrue();
    }
  }
}
