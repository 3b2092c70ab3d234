package org.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A job that sends mail holds two connections at once (the engine's transaction and the notification
 * log's own), so the pool must let every job thread hold two and still serve a web request: with
 * Hikari's default of 10 and the job executor's 10 threads, the overdue storm benchmark saw every
 * connection taken by jobs waiting for a second one until the pool timed out.
 */
@PartnerflowSpringTest
class ConnectionPoolTests {

  @Autowired
  DataSource dataSource;
  @Autowired
  CamundaBpmProperties camunda;

  @Test
  void everyJobThreadCanHoldTwoConnectionsWithRoomLeftForWebRequests() throws SQLException {
    int jobThreads = camunda.getJobExecution().getMaxPoolSize();

    assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()).isGreaterThan(2 * jobThreads);
  }
}
