package org.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/** History is not kept for ever: every definition has a time to live and cleanup runs at night. */
@PartnerflowSpringTest
class HistoryCleanupTests {

  @Autowired
  ProcessEngine engine;

  @Test
  void everyDeployedProcessAndDecisionHasAHistoryTimeToLive() {
    var repository = engine.getRepositoryService();
    assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
        .extracting(ProcessDefinition::getKey)
        .contains("partnerIdentification", "collaborationAgreement", "collaboration", "agreedAction",
            "progressReport", "partnerInformation");
    assertThat(repository.createProcessDefinitionQuery().list())
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isPositive());
    assertThat(repository.createDecisionDefinitionQuery().list())
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isPositive());
  }

  @Test
  void historyCleanupIsScheduledInTheNightlyWindow() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");

    Job cleanup = engine.getHistoryService().findHistoryCleanupJobs().get(0);
    LocalTime due = cleanup.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
    assertThat(due.isAfter(LocalTime.of(21, 59)) || due.isBefore(LocalTime.of(6, 0))).as("due at " + due).isTrue();
  }
}
