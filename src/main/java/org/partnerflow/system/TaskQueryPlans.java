package org.partnerflow.system;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

import org.apache.ibatis.executor.statement.BaseStatementHandler;
import org.apache.ibatis.executor.statement.RoutingStatementHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.postgresql.PGStatement;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the task queries are planned for their values at every run, and every other statement
 * keeps the plan PostgreSQL caches for it.
 *
 * <p>A statement the driver has run five times on a connection is prepared on the server, and after five
 * more PostgreSQL may plan it once for any values (a generic plan). For Tasklist's filters that plan is
 * bad: without the values it cannot use the statistics {@link TaskQueryTuning} keeps, and it compared every
 * task with every authorization (docs/benchmarks.md, 3). So the task queries (the engine's and
 * {@link TaskQueryAuthorization}'s copies) are never prepared on the server
 * ({@link PGStatement#setPrepareThreshold(int) prepare threshold} 0): each run is planned for its values.
 *
 * <p>Until now the {@code postgres} profile got that by planning <em>every</em> statement for its values
 * ({@code plan_cache_mode = force_custom_plan} on each connection), and that cost more than it saved: the
 * engine's authorization check, which runs on every claim, completion and form, took 7.3 ms to plan and
 * 0.23 ms to run, and PostgreSQL's log of a lifecycle run put more than half the database's time in
 * planning (docs/benchmarks.md, 20).
 */
@Component
class TaskQueryPlans extends AbstractProcessEnginePlugin {

  /** The mapped statements planned for their values: the task queries. */
  static final Set<String> STATEMENTS = Set.of(
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria",
      TaskQueryAuthorization.STATEMENTS.get("selectTaskByQueryCriteria"),
      TaskQueryAuthorization.STATEMENTS.get("selectTaskCountByQueryCriteria"));

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    // engines may share one session factory (useSharedSqlSessionFactory): one interceptor is enough
    if (mybatis.getInterceptors().stream().noneMatch(PlannedForTheirValues.class::isInstance)) {
      mybatis.addInterceptor(new PlannedForTheirValues());
    }
  }

  /**
   * Tells the driver not to prepare the task queries on the server, once MyBatis has prepared them. Only
   * their statement handlers are wrapped: every other statement passes through {@link #plugin} untouched,
   * which reads the handler's statement from two fields (MyBatis' {@code MetaObject} took a fifth of the job
   * threads' time in a storm when it ran for every statement).
   */
  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class PlannedForTheirValues implements Interceptor {

    private static final VarHandle DELEGATE;
    private static final VarHandle MAPPED_STATEMENT;

    static {
      try {
        DELEGATE = MethodHandles.privateLookupIn(RoutingStatementHandler.class, MethodHandles.lookup())
            .findVarHandle(RoutingStatementHandler.class, "delegate", StatementHandler.class);
        MAPPED_STATEMENT = MethodHandles.privateLookupIn(BaseStatementHandler.class, MethodHandles.lookup())
            .findVarHandle(BaseStatementHandler.class, "mappedStatement", MappedStatement.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    @Override
    public Object plugin(Object target) {
      return plannedForTheirValues(target) ? Plugin.wrap(target, this) : target;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Statement statement = (Statement) invocation.proceed();
      if (statement.isWrapperFor(PGStatement.class)) {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
      return statement;
    }

    /** Whether the target is the handler of a task query (MyBatis makes a routing handler for each statement). */
    static boolean plannedForTheirValues(Object target) {
      return target instanceof RoutingStatementHandler routing
          && DELEGATE.get(routing) instanceof BaseStatementHandler handler
          && STATEMENTS.contains(((MappedStatement) MAPPED_STATEMENT.get(handler)).getId());
    }
  }
}
