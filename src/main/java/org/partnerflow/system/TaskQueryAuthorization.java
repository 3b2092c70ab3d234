package org.partnerflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters with authorization on, written so the database can answer them in one pass over
 * the tasks. The engine's task query joins the authorizations on
 * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}: a join on "one of three columns" that no database
 * here can hash, so it looks the grants up once per task, three index probes each. With 100,000 open
 * tasks a filter's count took 0.35 to 0.5 s (p95) on PostgreSQL even when every probe hit (docs/benchmarks.md,
 * Tasklist filters), and Tasklist runs the count and the list on every refresh.
 *
 * <p>This plugin maps the engine's two task query statements to the same statements from
 * {@code task-query-authorization.xml}, which differ in one thing: the grants are three uncorrelated
 * subqueries ({@code RES.ID_ IN (granted ids) OR RES.PROC_DEF_ID_ IN (definitions with granted keys) OR
 * EXISTS (a '*' grant)}), which the database reads once and hashes. Which tasks are visible does not
 * change: the same grants, users, groups, permissions and resource ids as the engine's join, tested
 * against the engine's own statement ({@code TaskQueryAuthorizationTests}). Every other case (no
 * authorization, revoke checks, composite checks) runs the engine's statement unchanged.
 *
 * <p>The list statement also leaves out the engine's {@code select distinct}, which made the database sort
 * every visible task before it could return the first 15: when the order is on the task's own columns (as
 * Tasklist's filters sort, by due date and creation), the task rows are selected whose id is among the
 * visible ones ({@code RES.ID_ in (select RES.ID_ ...engine's criteria and the check...)}), so each task
 * appears once without {@code distinct}, and the database can walk the tasks in that order through the
 * index {@value #ORDER_INDEX} on {@code (DUE_DATE_, CREATE_TIME_)}, checking each, and stop at the page's
 * last. There the task's own grant is looked up for each task the walk passes ({@code exists}), not read as
 * a list of granted ids, which PostgreSQL would read whole and hash first. On PostgreSQL with 100,000 open
 * tasks, the statement for a partnership manager's "Overdue": 0.34 to 0.43 s before, 7 ms after
 * (docs/benchmarks.md, 19). Ordered by anything else (a variable's value, a name without
 * case), the list is the engine's statement with the grants checked as above.
 *
 * <p>A third statement serves every authorization check, not only the task query: before it checks, the
 * engine reads which groups hold any authorization at all ({@code selectAuthorizedGroupIds}), once per
 * command, and a Tasklist call runs about five commands. The engine's {@code select distinct(GROUP_ID_)}
 * reads the whole table, which holds a grant per open task and candidate group; the copy steps through the
 * index on {@code GROUP_ID_} from one group to the next (a loose index scan, a recursive query), so it reads
 * one index entry per group: 100,000 authorizations of 500 groups, 13 ms against 1.7 ms, by hand.
 *
 * <p>The statements are a copy of the engine's that include the engine's criteria, so they are tied to
 * the engine version they were written for ({@value #ENGINE_VERSION}.x): on any other version the
 * engine's statements are used and a warning says why, until someone checks the copy against the new
 * Task.xml and Authorization.xml.
 */
@Component
public class TaskQueryAuthorization extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryAuthorization.class);

  static final String ENGINE_VERSION = "7.24";
  static final String MAPPING = "org/partnerflow/system/task-query-authorization.xml";
  static final String NAMESPACE = "org.partnerflow.system.TaskQueryAuthorization.";
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + "partnerflowSelectTaskByQueryCriteria",
      "selectTaskCountByQueryCriteria", NAMESPACE + "partnerflowSelectTaskCountByQueryCriteria",
      "selectAuthorizedGroupIds", NAMESPACE + "partnerflowSelectAuthorizedGroupIds");
  /** The databases the statements were tried on; the engine's own statement elsewhere. */
  private static final List<String> DATABASES = List.of("h2", "postgres");

  private static final AuthorizationCheck CHECKS_NOTHING = new AuthorizationCheck();

  static final String ORDER_INDEX = "pf_idx_task_due";
  static final String CREATE_ORDER_INDEX = "create index if not exists " + ORDER_INDEX
      + " on act_ru_task (due_date_, create_time_)";

  private DataSource dataSource;
  private boolean installed;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    dataSource = configuration.getDataSource();
    install(configuration, ProductPropertiesUtil.getProductVersion());
  }

  /** The index the list walks, once the engine has made its tables; only where the statements are ours. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!installed || dataSource == null) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      if (!EngineIndexes.exists(connection, "act_ru_task", ORDER_INDEX)) {
        EngineIndexes.execute(connection, CREATE_ORDER_INDEX);
        LOG.info("Created index {} on ACT_RU_TASK (DUE_DATE_, CREATE_TIME_) for Tasklist's lists", ORDER_INDEX);
      }
    } catch (SQLException e) {
      // two nodes starting at once may both try; the index is for speed, never for correctness
      LOG.warn("Could not create index {} on ACT_RU_TASK ({}); Tasklist's lists work without it, only slower "
          + "with many open tasks. Run as docs/operations.md shows: {}", ORDER_INDEX, e.getMessage(),
          CREATE_ORDER_INDEX);
    }
  }

  /** Maps the statements on an engine of this version, unless the copy was not written for it or its database. */
  void install(ProcessEngineConfigurationImpl configuration, String version) {
    if (!writtenFor(version)) {
      LOG.warn("Tasklist's filters use the engine's own task query: the faster one was written for Camunda {}.x, "
          + "this is {}", ENGINE_VERSION, version);
      return;
    }
    if (!DATABASES.contains(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.isResourceLoaded(MAPPING)) {
      try (InputStream mapping = TaskQueryAuthorization.class.getClassLoader().getResourceAsStream(MAPPING)) {
        if (mapping == null) {
          throw new IllegalStateException(MAPPING + " is missing from the application");
        }
        new XMLMapperBuilder(mapping, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // the engine's mappings for this database are shared by every engine in the JVM: a copy of our own
    Map<String, String> mappings = new HashMap<>();
    if (sessions.getStatementMappings() != null) {
      mappings.putAll(sessions.getStatementMappings());
    }
    STATEMENTS.keySet().stream().filter(mappings::containsKey).findAny().ifPresentOrElse(
        taken -> LOG.warn("Tasklist's filters use the engine's own task query: the engine maps {} on {} itself",
            taken, configuration.getDatabaseType()),
        () -> {
          mappings.putAll(STATEMENTS);
          sessions.setStatementMappings(mappings);
          installed = true;
        });
  }

  /** Whether the copy was written for this engine version (any patch release of {@value #ENGINE_VERSION}). */
  static boolean writtenFor(String version) {
    return version != null && version.startsWith(ENGINE_VERSION + ".");
  }

  /**
   * Whether the statement checks the grants itself: when the engine would join them (authorization
   * checked, revokes not, a user, atomic checks only, at least one).
   */
  public static boolean checksHere(AuthorizationCheck check) {
    // the engine's mapping asks getShouldPerformAuthorizatioCheck (checks enabled and some to do), not the field
    if (check == null || !check.getShouldPerformAuthorizatioCheck() || check.isRevokeAuthorizationCheckEnabled()
        || check.getAuthUserId() == null) {
      return false;
    }
    CompositePermissionCheck permissions = check.getPermissionChecks();
    return permissions != null && permissions.getAtomicChecks() != null && !permissions.getAtomicChecks().isEmpty()
        && (permissions.getCompositeChecks() == null || permissions.getCompositeChecks().isEmpty());
  }

  /**
   * Whether the list can select the visible tasks' rows without {@code distinct} and walk them in order: when
   * it is ordered by the task's own columns as they are ("contained" orderings: none by a variable's value,
   * which the engine joins, nor by a function of a column, such as a name without case, which it selects).
   */
  public static boolean walksInOrder(ListQueryParameterObject query) {
    return query.getOrderingProperties().stream().allMatch(QueryOrderingProperty::isContainedProperty);
  }

  /** The check the engine's criteria see when the statement checks the grants itself. */
  public static AuthorizationCheck checksNothing() {
    return CHECKS_NOTHING;
  }
}
