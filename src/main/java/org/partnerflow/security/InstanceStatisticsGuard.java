package org.partnerflow.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Each role may read the definitions of the processes it works in (so Tasklist names the process
 * above a task), but Camunda's definition statistics ({@code GET process-definition/statistics}, in
 * the REST API and in the webapps' engine API) count every running instance, failed job and incident
 * of a definition one may read, without asking whether one may read those instances. Here the
 * statistics list a definition only for whom may also read its instances (READ_INSTANCE); the
 * administrator sees them all. Cockpit's own statistics are closed by {@link CockpitApiForCockpitUsers}.
 */
@Component
class InstanceStatisticsGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class; // replaces the engine's own
      }

      @Override
      public Session openSession() {
        return new StatisticsOfReadableInstances();
      }
    });
  }

  static class StatisticsOfReadableInstances extends AuthorizationManager {

    @Override
    public void configureProcessDefinitionStatisticsQuery(ProcessDefinitionStatisticsQueryImpl query) {
      configureQuery(query);
      CompositePermissionCheck readDefinitionAndInstances = new PermissionCheckBuilder()
          .conjunctive()
          .atomicCheck(PROCESS_DEFINITION, "RES.KEY_", READ)
          .atomicCheck(PROCESS_DEFINITION, "RES.KEY_", READ_INSTANCE)
          .build();
      addPermissionCheck(query.getAuthCheck(), readDefinitionAndInstances);
    }
  }
}
