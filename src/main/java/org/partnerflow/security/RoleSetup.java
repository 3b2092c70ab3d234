package org.partnerflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.partnerflow.security.Roles.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, makes sure each role's group exists with exactly the authorizations it needs and
 * that the Tasklist filters exist. Idempotent: it adds what is missing and changes nothing else, so
 * what an administrator granted on top stays.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class RoleSetup extends AbstractProcessEnginePlugin {

  /** The processes each role may start from Tasklist. */
  static final Map<String, List<String>> STARTABLE_PROCESSES = Map.of(
      Roles.PARTNERSHIP_MANAGERS, List.of("partnerIdentification", "partnerInformation"),
      Roles.SENIOR_MANAGERS, List.of("partnerIdentification"),
      Roles.DATA_PROTECTION, List.of("partnerInformation"));

  /**
   * The processes whose tasks each role works on: it may read their definitions (READ only), so
   * Tasklist can show the process name above a task. Reading a definition grants nothing on its
   * instances or tasks (those would need READ_INSTANCE or READ_TASK); the statistics that would
   * count its instances are closed by {@link InstanceStatisticsGuard} and {@link CockpitApiForCockpitUsers}.
   */
  static final Map<String, List<String>> READABLE_PROCESSES = Map.of(
      Roles.PARTNERSHIP_MANAGERS, List.of("partnerIdentification", "collaborationAgreement", "collaboration",
          "agreedAction", "progressReport", "partnerInformation", "partnershipReview"),
      Roles.SENIOR_MANAGERS, List.of("partnerIdentification", "collaborationAgreement", "partnershipReview"),
      Roles.FINANCE, List.of("collaborationAgreement"),
      Roles.DATA_PROTECTION, List.of("collaborationAgreement", "partnerInformation"));

  /** The processes with tasks for a partner organisation's contacts. */
  static final List<String> PARTNER_READABLE_PROCESSES = List.of("collaborationAgreement", "agreedAction",
      "progressReport", "partnershipReview");

  static final String PARTNER_GROUP_TYPE = "PARTNER";

  static final String MY_TASKS = "My tasks";
  static final String MY_GROUPS_TASKS = "My group's tasks";
  static final String OVERDUE = "Overdue";

  private static final Logger LOG = LoggerFactory.getLogger(RoleSetup.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ensureFilters(engine);
    for (Role role : Roles.INTERNAL) {
      ensureGroup(engine.getIdentityService(), role.groupId(), role.name(), "WORKFLOW");
      grantRole(engine, role.groupId(), READABLE_PROCESSES.getOrDefault(role.groupId(), List.of()));
    }
    // partner groups made before a role gained a permission get it too
    for (Group partner : engine.getIdentityService().createGroupQuery().groupType(PARTNER_GROUP_TYPE).list()) {
      grantRole(engine, partner.getId(), PARTNER_READABLE_PROCESSES);
    }
  }

  /** A partner organisation's group: its contacts use Tasklist and see only their own tasks. */
  public void ensurePartnerGroup(ProcessEngine engine, String groupId, String name) {
    ensureGroup(engine.getIdentityService(), groupId, name, PARTNER_GROUP_TYPE);
    grantRole(engine, groupId, PARTNER_READABLE_PROCESSES);
  }

  private void grantRole(ProcessEngine engine, String groupId, List<String> readableProcesses) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    grant(authorizations, groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (String processKey : readableProcesses) {
      grant(authorizations, groupId, Resources.PROCESS_DEFINITION, processKey, Permissions.READ);
    }
    for (String processKey : STARTABLE_PROCESSES.getOrDefault(groupId, List.of())) {
      grant(authorizations, groupId, Resources.PROCESS_DEFINITION, processKey, Permissions.READ,
          Permissions.CREATE_INSTANCE);
      grant(authorizations, groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
    // task access comes from being a candidate group: the engine grants it per task
    for (Filter filter : filters(engine.getFilterService())) {
      grant(authorizations, groupId, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private static void ensureGroup(IdentityService identity, String groupId, String name, String type) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
      LOG.info("Created group {}", groupId);
    }
  }

  private static void grant(AuthorizationService authorizations, String groupId, Resource resource,
      String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
  }

  private void ensureFilters(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    TaskQuery mine = engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}");
    TaskQuery groups = engine.getTaskService().createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}");
    TaskQuery overdue = engine.getTaskService().createTaskQuery().dueBeforeExpression("${now()}");
    ensureFilter(filters, MY_TASKS, 1, "Tasks assigned to you, the most urgent first", mine);
    ensureFilter(filters, MY_GROUPS_TASKS, 2, "Tasks your groups may claim, the most urgent first", groups);
    ensureFilter(filters, OVERDUE, 3, "Tasks past their due date that you can see", overdue);
  }

  private static void ensureFilter(FilterService filters, String name, int priority, String description,
      TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    query.orderByDueDate().asc().orderByTaskCreateTime().asc();
    Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(Map.<String, Object>of(
        "description", description,
        "priority", priority,
        "refresh", true));
    filters.saveFilter(filter);
    LOG.info("Created Tasklist filter '{}'", name);
  }

  private static List<Filter> filters(FilterService filterService) {
    return List.of(MY_TASKS, MY_GROUPS_TASKS, OVERDUE).stream()
        .map(name -> filterService.createFilterQuery().filterName(name).singleResult())
        .filter(filter -> filter != null)
        .toList();
  }
}
