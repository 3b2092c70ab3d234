package org.partnerflow.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code camunda-admin} always has a direct member: the administrator from configuration
 * ({@code camunda.bpm.admin-user.id}). Every start puts it back in the group if someone took it out,
 * and the user directory refuses to remove it from the group, to delete it, or to delete the group.
 * Camunda Admin's first-run page opens to anonymous callers as soon as the group is empty.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AdministratorMembership extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorMembership.class);

  private final String administratorId;

  AdministratorMembership(CamundaBpmProperties camunda) {
    this.administratorId = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (administratorId == null) {
      return;
    }
    if (configuration.getIdentityProviderSessionFactory() != null) {
      LOG.warn("A custom identity provider is configured; it must keep {} in {} itself", administratorId,
          Groups.CAMUNDA_ADMIN);
      return;
    }
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return KeepingAdministrator.class;
      }

      @Override
      public Session openSession() {
        return new KeepingAdministrator(administratorId);
      }
    });
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    if (administratorId == null || identity.createUserQuery().userId(administratorId).count() == 0) {
      return; // Camunda creates the configured administrator, in the group, on the first start
    }
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      throw new IllegalStateException("The group " + Groups.CAMUNDA_ADMIN + " does not exist");
    }
    if (identity.createUserQuery().userId(administratorId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(administratorId, Groups.CAMUNDA_ADMIN);
      LOG.warn("Put the administrator {} back into {}", administratorId, Groups.CAMUNDA_ADMIN);
    }
  }

  /** The engine's own user directory, except that the administrator cannot be taken out of it. */
  static class KeepingAdministrator extends DbIdentityServiceProvider {

    private final String administratorId;

    KeepingAdministrator(String administratorId) {
      this.administratorId = administratorId;
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      if (administratorId.equals(userId)) {
        throw refusal("delete the administrator '" + userId + "'");
      }
      return super.deleteUser(userId);
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
      if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
        throw refusal("delete the group " + groupId);
      }
      return super.deleteGroup(groupId);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      if (administratorId.equals(userId) && Groups.CAMUNDA_ADMIN.equals(groupId)) {
        throw refusal("take the administrator '" + userId + "' out of " + groupId);
      }
      return super.deleteMembership(userId, groupId);
    }

    private static BadUserRequestException refusal(String what) {
      return new BadUserRequestException("Partnerflow does not " + what + ": the administrator comes from "
          + "configuration (camunda.bpm.admin-user) and keeps camunda-admin from being empty.");
    }
  }
}
