package org.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mockito.Mockito;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query that checks grants with subqueries ({@link TaskQueryAuthorization}) shows each user
 * exactly the tasks the engine's own statement shows: the same lists, in the same order, page for page,
 * and the same counts, for every role, a partner's contact, users who see tasks only through a grant
 * on a process definition or on every task ('*'), and Tasklist's saved filters. Each answer is taken
 * twice, once with the statement mapped and once with the engine's own, in the same database.
 */
@PartnerflowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQueryAuthorizationTests {

  /** Queries page through at most 2,000 results (queryMaxResultsLimit). */
  private static final int ALL = 2000;
  private static final String PARTNER = "tqauth1";
  /** Sees tasks only through READ_TASK on the agreed-action process definition. */
  private static final String DEFINITION_READER = "tq-definition-reader";
  /** Sees tasks only through READ on every task ('*'). */
  private static final String EVERY_TASK_READER = "tq-every-task-reader";
  private static final List<String> USERS = List.of("pat", "sam", "robin", "fran", "dana", PARTNER,
      DEFINITION_READER, EVERY_TASK_READER, "nobody-at-all");

  @Autowired
  ProcessEngine engine;

  private Journey journey;
  private final List<String> authorizations = new ArrayList<>();

  // before each, once: the process coverage extension records engine work only inside a test
  @BeforeEach
  void partnershipsWithOpenTasksAndUsersWithGrantsOfEachKind() {
    if (journey != null) {
      return;
    }
    journey = new Journey(engine);
    journey.runningPartnership("Query Check Trust", PARTNER);
    journey.propose("pat", Journey.proposal("Query Check Two"));
    grant(DEFINITION_READER, Resources.PROCESS_DEFINITION, "agreedAction", Permissions.READ_TASK);
    grant(EVERY_TASK_READER, Resources.TASK, "*", Permissions.READ);
  }

  @AfterAll
  void removeTheGrants() {
    authorizations.forEach(engine.getAuthorizationService()::deleteAuthorization);
  }

  @Test
  void theEnginesTaskQueriesAreMappedToTheStatementsThatCheckGrantsWithSubqueries() {
    DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();

    TaskQueryAuthorization.STATEMENTS.forEach((engineStatement, ours) ->
        assertThat(sessions.mapStatement(engineStatement)).isEqualTo(ours));
    // the SQL the mapped count statement makes for a partnership manager's "My group's tasks"
    String text = sql("pat", "selectTaskCountByQueryCriteria",
        query -> query.taskCandidateGroup("partnership-managers"));

    assertThat(text).contains("RES.ID_ in ( select A.RESOURCE_ID_").doesNotContain("AUTH ON");
  }

  @Test
  void aListOrderedByTheTasksOwnColumnsSelectsTheVisibleTasksWithoutDistinctAndOneOrderedByAVariableWithIt() {
    String byDueDate = sql("pat", "selectTaskByQueryCriteria",
        query -> query.dueBefore(new Date()).orderByDueDate().asc().orderByTaskCreateTime().asc());
    String byVariable = sql("pat", "selectTaskByQueryCriteria",
        query -> query.orderByProcessVariable("actionTitle", ValueType.STRING).asc());

    // walking in order, each task's own grant is looked up as the walk passes it (a list of granted ids would be
    // read whole first: PostgreSQL hashed it, 0.3 s at 100,000 tasks)
    assertThat(byDueDate).doesNotContainIgnoringCase("distinct").contains("where RES.ID_ in ( select RES.ID_ from")
        .contains("and A.RESOURCE_ID_ = RES.ID_").doesNotContain("RES.ID_ in ( select A.RESOURCE_ID_");
    assertThat(byVariable).containsIgnoringCase("select distinct").doesNotContain("where RES.ID_ in ( select RES.ID_")
        .contains("RES.ID_ in ( select A.RESOURCE_ID_");
    assertThat(TaskQueryAuthorization.walksInOrder((TaskQueryImpl) engine.getTaskService().createTaskQuery()
        .orderByDueDate().asc())).isTrue();
    assertThat(TaskQueryAuthorization.walksInOrder((TaskQueryImpl) engine.getTaskService().createTaskQuery()
        .orderByDueDate().asc().orderByTaskNameCaseInsensitive().asc())).isFalse();
  }

  /**
   * On PostgreSQL the first page of "Overdue" comes from walking {@value TaskQueryAuthorization#ORDER_INDEX} in
   * order: no sort of the visible tasks (with sorting priced out, the engine's {@code select distinct} would
   * still need one to find its duplicates). H2, the demo's database, plans its own way.
   */
  @Test
  void onPostgresTheFirstPageOfOverdueWalksTheDueDateIndexWithoutSorting() throws Exception {
    List<String> plan = bound("pat", "selectTaskByQueryCriteria", query -> query.dueBefore(new Date())
        .orderByDueDate().asc().orderByTaskCreateTime().asc(), 15, (statement, query, sql) -> {
      try (Connection connection = configuration().getDataSource().getConnection()) {
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
          return List.<String>of();
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement settings = connection.createStatement()) {
          settings.execute("set local enable_seqscan = off");
          settings.execute("set local enable_sort = off");
          try (PreparedStatement explain = connection.prepareStatement("explain " + sql.getSql())) {
            new DefaultParameterHandler(statement, query, sql).setParameters(explain);
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = explain.executeQuery()) {
              while (rows.next()) {
                lines.add(rows.getString(1));
              }
            }
            return lines;
          }
        } finally {
          connection.rollback();
          connection.setAutoCommit(autoCommit);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    Assumptions.assumeFalse(plan.isEmpty(), "the plan is PostgreSQL's");

    assertThat(String.join("\n", plan)).as(String.join("\n", plan))
        .contains(TaskQueryAuthorization.ORDER_INDEX).doesNotContain("Sort").contains("Limit");
  }

  @Test
  void theGroupsHoldingAuthorizationsAreTheEnginesWithoutItsNull() {
    List<String> ours = groupsHoldingAuthorizations();
    List<String> engines = withTheEnginesStatement(this::groupsHoldingAuthorizations);

    assertThat(engines).contains((String) null);
    assertThat(ours).doesNotContainNull().doesNotHaveDuplicates().contains("partnership-managers")
        .anyMatch(group -> group.matches("partner-\\d+"))
        .containsExactlyInAnyOrderElementsOf(engines.stream().filter(group -> group != null).toList());
  }

  private List<String> groupsHoldingAuthorizations() {
    return configuration().getCommandExecutorTxRequired().execute(context ->
        context.getDbEntityManager().selectList("selectAuthorizedGroupIds"));
  }

  /** The SQL the mapped statement makes for the user's query, on one line. */
  private String sql(String user, String engineStatement, Function<TaskQuery, TaskQuery> criteria) {
    return bound(user, engineStatement, criteria, Integer.MAX_VALUE,
        (statement, query, sql) -> sql.getSql().replaceAll("\\s+", " "));
  }

  /**
   * The mapped statement bound to the user's query as the engine binds it before it runs: the user's grants,
   * and a left join on them only where CMMN cases may have tasks; the first page of the given size.
   */
  private <T> T bound(String user, String engineStatement, Function<TaskQuery, TaskQuery> criteria, int pageSize,
      BoundUse<T> use) {
    return journey.as(user, () -> configuration().getCommandExecutorTxRequired().execute(context -> {
      TaskQueryImpl query = (TaskQueryImpl) criteria.apply(engine.getTaskService().createTaskQuery());
      query.setFirstResult(0);
      query.setMaxResults(pageSize);
      context.getAuthorizationManager().configureTaskQuery(query);
      query.getAuthCheck().setUseLeftJoin(configuration().isCmmnEnabled());
      MappedStatement statement = configuration().getSqlSessionFactory().getConfiguration()
          .getMappedStatement(TaskQueryAuthorization.STATEMENTS.get(engineStatement));
      return use.apply(statement, query, statement.getBoundSql(query));
    }));
  }

  private interface BoundUse<T> {
    T apply(MappedStatement statement, TaskQueryImpl query, BoundSql sql);
  }

  @Test
  void theStatementChecksGrantsItselfOnlyWhereTheEngineWouldJoinThem() {
    assertThat(TaskQueryAuthorization.checksHere(check(true, "pat", false, false))).isTrue();

    assertThat(TaskQueryAuthorization.checksHere(check(false, "pat", false, false))).as("authorization off").isFalse();
    assertThat(TaskQueryAuthorization.checksHere(check(true, null, false, false))).as("no user").isFalse();
    assertThat(TaskQueryAuthorization.checksHere(check(true, "pat", true, false))).as("revokes checked").isFalse();
    assertThat(TaskQueryAuthorization.checksHere(check(true, "pat", false, true))).as("composite checks").isFalse();
    assertThat(TaskQueryAuthorization.checksHere(null)).isFalse();
    assertThat(TaskQueryAuthorization.checksHere(TaskQueryAuthorization.checksNothing())).isFalse();
  }

  @Test
  void onAnotherEngineVersionOrDatabaseTheEnginesOwnStatementsStay() {
    assertThat(TaskQueryAuthorization.writtenFor("7.24.0")).isTrue();
    assertThat(TaskQueryAuthorization.writtenFor("7.24.5-ee")).isTrue();
    assertThat(TaskQueryAuthorization.writtenFor("7.25.0")).isFalse();
    assertThat(TaskQueryAuthorization.writtenFor("7.2.4")).isFalse();
    assertThat(TaskQueryAuthorization.writtenFor(null)).isFalse();

    ProcessEngineConfigurationImpl anotherVersion = Mockito.mock(ProcessEngineConfigurationImpl.class);
    new TaskQueryAuthorization().install(anotherVersion, "7.25.0");
    Mockito.verifyNoInteractions(anotherVersion);

    ProcessEngineConfigurationImpl anotherDatabase = Mockito.mock(ProcessEngineConfigurationImpl.class);
    Mockito.when(anotherDatabase.getDatabaseType()).thenReturn("oracle");
    new TaskQueryAuthorization().install(anotherDatabase, "7.24.0");
    Mockito.verify(anotherDatabase, Mockito.never()).getDbSqlSessionFactory();
    Mockito.verify(anotherDatabase, Mockito.never()).getSqlSessionFactory();
  }

  /** A task query's check as the engine configures it, varied one way at a time. */
  private static AuthorizationCheck check(boolean enabled, String userId, boolean revokes, boolean composite) {
    CompositePermissionCheck permissions = new CompositePermissionCheck(true);
    PermissionCheck readTask = new PermissionCheck();
    readTask.setResource(Resources.TASK);
    readTask.setPermission(Permissions.READ);
    readTask.setResourceIdQueryParam("RES.ID_");
    permissions.addAtomicCheck(readTask);
    if (composite) {
      permissions.addCompositeCheck(new CompositePermissionCheck(false));
    }
    AuthorizationCheck check = new AuthorizationCheck();
    check.setAuthorizationCheckEnabled(enabled);
    check.setAuthUserId(userId);
    check.setAuthGroupIds(List.of("partnership-managers"));
    check.setRevokeAuthorizationCheckEnabled(revokes);
    check.setPermissionChecks(permissions);
    return check;
  }

  @Test
  void everyUserSeesTheSameTasksInTheSameOrderAsWithTheEnginesOwnStatement() {
    Map<String, Function<TaskQuery, Object>> shapes = new LinkedHashMap<>();
    shapes.put("all, by due date then created", query -> query.orderByDueDate().asc().orderByTaskCreateTime().asc()
        .orderByTaskId().asc().listPage(0, ALL).stream().map(Task::getId).toList());
    shapes.put("first page of 3", query -> query.orderByDueDate().asc().orderByTaskId().asc().listPage(0, 3)
        .stream().map(Task::getId).toList());
    shapes.put("second page of 3", query -> query.orderByDueDate().asc().orderByTaskId().asc().listPage(3, 3)
        .stream().map(Task::getId).toList());
    shapes.put("count", TaskQuery::count);
    shapes.put("candidate group count", query -> query.taskCandidateGroup("partnership-managers").count());
    shapes.put("by process definition", query -> query.processDefinitionKey("agreedAction").orderByTaskId().asc()
        .listPage(0, ALL).stream().map(Task::getId).toList());
    shapes.put("by a process variable's value", query -> query.processVariableValueLike("actionTitle", "%")
        .orderByTaskId().asc().listPage(0, ALL).stream().map(Task::getId).toList());
    shapes.put("ordered by a process variable", query -> query.orderByProcessVariable("actionTitle", ValueType.STRING)
        .asc().orderByTaskId().asc().listPage(0, ALL).stream().map(Task::getId).toList());
    shapes.put("by name, case-insensitive", query -> query.orderByTaskNameCaseInsensitive().asc().orderByTaskId()
        .asc().listPage(0, ALL).stream().map(Task::getId).toList());
    shapes.put("or query", query -> query.or().taskCandidateGroup("partnership-managers").taskAssignee("pat")
        .endOr().orderByTaskId().asc().listPage(0, ALL).stream().map(Task::getId).toList());

    Map<String, Object> answers = new HashMap<>();
    for (String user : USERS) {
      for (var shape : shapes.entrySet()) {
        String key = user + ": " + shape.getKey();
        Object ours = journey.as(user, () -> shape.getValue().apply(engine.getTaskService().createTaskQuery()));
        Object engines = withTheEnginesStatement(() -> journey.as(user,
            () -> shape.getValue().apply(engine.getTaskService().createTaskQuery())));

        assertThat(ours).as(key).isEqualTo(engines);
        answers.put(key, ours);
      }
    }
    // the comparison is about something: each kind of grant shows tasks, and not the same ones
    assertThat((Long) answers.get("pat: count")).isPositive();
    assertThat((Long) answers.get(PARTNER + ": count")).isPositive();
    assertThat((Long) answers.get(DEFINITION_READER + ": count")).isPositive()
        .isLessThan((Long) answers.get(EVERY_TASK_READER + ": count"));
    assertThat((Long) answers.get("nobody-at-all: count")).isZero();
    assertThat(answers.get("pat: first page of 3")).isNotEqualTo(answers.get("pat: second page of 3"));
  }

  @Test
  void tasklistsSavedFiltersAnswerEveryUserAsWithTheEnginesOwnStatement() {
    List<Filter> filters = engine.getFilterService().createTaskFilterQuery().list();
    assertThat(filters).extracting(Filter::getName).contains("Overdue", "My group's tasks", "My tasks");

    for (String user : USERS) {
      for (Filter filter : filters) {
        String key = user + ": " + filter.getName();
        Object ours = journey.as(user, () -> filterAnswer(filter.getId()));
        Object engines = withTheEnginesStatement(() -> journey.as(user, () -> filterAnswer(filter.getId())));

        assertThat(ours).as(key).isEqualTo(engines);
      }
    }
  }

  /** The count and the first page of 15, as Tasklist asks; or that the user may not read the filter. */
  private Object filterAnswer(String filterId) {
    try {
      List<Task> page = engine.getFilterService().listPage(filterId, 0, 15);
      return List.of(engine.getFilterService().count(filterId), page.stream().map(Task::getId).toList());
    } catch (AuthorizationException e) {
      return "refused";
    }
  }

  private <T> T withTheEnginesStatement(Supplier<T> call) {
    DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> engines = new HashMap<>(ours);
    TaskQueryAuthorization.STATEMENTS.keySet().forEach(engines::remove);
    sessions.setStatementMappings(engines);
    try {
      return call.get();
    } finally {
      sessions.setStatementMappings(ours);
    }
  }

  private void grant(String userId, Resources resource, String resourceId, Permissions permission) {
    Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    authorizations.add(engine.getAuthorizationService().saveAuthorization(grant).getId());
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
