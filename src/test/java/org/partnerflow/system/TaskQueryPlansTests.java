package org.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.ibatis.executor.statement.RoutingStatementHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On PostgreSQL (the build's second run) the task queries are never prepared on the server, so each run
 * is planned for its values, while the engine's other statements are, as the driver does by default.
 */
@PartnerflowSpringTest
class TaskQueryPlansTests {

  /** More runs on one connection than the driver's prepare threshold (5). */
  private static final int RUNS = 8;

  @Autowired
  ProcessEngine engine;

  @Test
  void theTaskQueriesArePlannedForTheirValuesAndOtherStatementsArePreparedOnTheServer() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assumeTrue("postgres".equals(configuration.getDatabaseType()), "PostgreSQL only");

    // one command, so one connection; other values each time, or MyBatis answers from its session cache
    List<String> prepared = configuration.getCommandExecutorTxRequired().execute(context -> {
      for (int i = 0; i < RUNS; i++) {
        TaskQueryImpl list = new TaskQueryImpl();
        list.taskName("plans-" + i).orderByDueDate().asc();
        list.executeList(context, new Page(0, 15));
        new TaskQueryImpl().taskName("plans-" + i).executeCount(context);
        context.getProcessDefinitionManager().findLatestProcessDefinitionByKey("plans-" + i);
      }
      Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("select statement from pg_prepared_statements")) {
        List<String> statements = new ArrayList<>();
        while (rows.next()) {
          statements.add(rows.getString(1).replaceAll("\\s+", " ").toUpperCase());
        }
        return statements;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });

    // the control: a statement run as often is prepared on the server, so the task queries could have been.
    // The connection comes from the pool, so other tests' statements may be there too: other statements on
    // ACT_RU_TASK (by id, inserts) are prepared as usual; only the task queries (by name here) must not be
    assertThat(prepared).as("statements prepared on the server")
        .anyMatch(sql -> sql.contains("FROM ACT_RE_PROCDEF") && sql.contains("MAX(VERSION_)"))
        .noneMatch(sql -> sql.contains("FROM ACT_RU_TASK RES") && sql.contains("UPPER(RES.NAME_) = UPPER($"));
  }

  @Test
  void onlyTheTaskQueriesHandlersAreWrapped() {
    Configuration mybatis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getSqlSessionFactory().getConfiguration();
    for (String id : TaskQueryPlans.STATEMENTS) {
      assertThat(TaskQueryPlans.PlannedForTheirValues.plannedForTheirValues(handler(mybatis, id))).as(id).isTrue();
    }
    String other = "org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity.selectProcessDefinition";
    StatementHandler handler = handler(mybatis, other);
    assertThat(TaskQueryPlans.PlannedForTheirValues.plannedForTheirValues(handler)).isFalse();
    assertThat(new TaskQueryPlans.PlannedForTheirValues().plugin(handler)).isSameAs(handler);
  }

  /** The handler MyBatis makes for a statement, as the interceptor sees it. */
  private static StatementHandler handler(Configuration mybatis, String id) {
    MappedStatement statement = mybatis.getMappedStatement(id);
    return new RoutingStatementHandler(null, statement, null, RowBounds.DEFAULT, null,
        new BoundSql(mybatis, "select 1", List.of(), null));
  }

  @Test
  void onlyPostgresqlEnginesGetTheInterceptor() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    boolean intercepted = configuration.getSqlSessionFactory().getConfiguration().getInterceptors().stream()
        .anyMatch(TaskQueryPlans.PlannedForTheirValues.class::isInstance);
    assertThat(intercepted).isEqualTo("postgres".equals(configuration.getDatabaseType()));
  }
}
