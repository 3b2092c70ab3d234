package org.partnerflow.security;

import java.util.List;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.Validator;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Expressions in task queries ({@code ${...}}) run on the server with access to every Spring bean, so
 * they are code. The engine refuses them in queries a caller sends ({@code enableExpressionsInAdhocQueries}
 * off) but, in 7.24 CE, checks only the top level of a query: expressions inside {@code orQueries} (REST
 * {@code POST /task}, Tasklist's "match any" search, the extending query of a filter) are evaluated
 * anyway. This closes that hole, and lets only administrators save filters that hold expressions
 * (Tasklist's filters such as "My tasks" use {@code ${currentUser()}}; they stay executable by everyone
 * who may read them).
 */
@Component
class QueryExpressionGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTaskService(new TaskServiceImpl() {
      @Override
      public TaskQuery createTaskQuery() {
        TaskQueryImpl query = new TaskQueryImpl(commandExecutor);
        query.addValidator(OrQueriesWithoutExpressions.INSTANCE);
        return query;
      }
    });
    configuration.setFilterService(new FilterServiceImpl() {
      @Override
      public Filter saveFilter(Filter filter) {
        refuseExpressionsFromNonAdministrators(configuration, filter);
        return super.saveFilter(filter);
      }
    });
  }

  /**
   * Added to every task query a caller creates: checks the or-queries like the engine checks the top
   * level. A validator rather than a subclass, because a filter only accepts an extending query of the
   * engine's own query class.
   */
  enum OrQueriesWithoutExpressions implements Validator<AbstractQuery<?, ?>> {
    INSTANCE;

    @Override
    public void validate(AbstractQuery<?, ?> query) {
      if (query instanceof TaskQueryImpl taskQuery
          && !Context.getProcessEngineConfiguration().isEnableExpressionsInAdhocQueries()) {
        // the top level is the engine's own AdhocQueryValidator's
        List<TaskQueryImpl> orQueries = taskQuery.getQueries().subList(1, taskQuery.getQueries().size());
        List<String> fields = expressionFields(orQueries);
        if (!fields.isEmpty()) {
          throw new BadUserRequestException("Expressions are not allowed in task queries, also not inside "
              + "orQueries (found an expression for " + String.join(", ", fields) + "). Only a filter that an "
              + "administrator saved may hold expressions.");
        }
      }
    }
  }

  private static void refuseExpressionsFromNonAdministrators(ProcessEngineConfigurationImpl configuration,
      Filter filter) {
    if (!(filter.getQuery() instanceof TaskQueryImpl query) || expressionFields(query.getQueries()).isEmpty()) {
      return;
    }
    Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
    if (caller == null || isAdministrator(configuration, caller)) {
      return; // the application's own set-up (RoleSetup) or an administrator
    }
    throw new AuthorizationException("Only an administrator may save a filter whose query holds expressions "
        + "(found an expression for " + String.join(", ", expressionFields(query.getQueries())) + ").");
  }

  private static boolean isAdministrator(ProcessEngineConfigurationImpl configuration, Authentication caller) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return configuration.getAdminUsers().contains(caller.getUserId())
        || groups.stream().anyMatch(configuration.getAdminGroups()::contains);
  }

  /** The criteria that hold an expression in these queries (a query and its or-queries). */
  static List<String> expressionFields(List<TaskQueryImpl> queries) {
    TreeSet<String> fields = new TreeSet<>();
    queries.forEach(query -> fields.addAll(query.getExpressions().keySet()));
    return List.copyOf(fields);
  }
}
