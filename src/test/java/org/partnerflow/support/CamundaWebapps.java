package org.partnerflow.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;

/** Camunda's webapps (Welcome, Tasklist, Cockpit, Admin) as the shared test application serves them. */
public final class CamundaWebapps {

  private CamundaWebapps() {
  }

  /**
   * Camunda keeps each webapp's runtime in a static field and clears it when any application in this
   * JVM shuts its webapps down (StartupTests and ProductionHardeningTests start and stop their own),
   * which would leave the shared test application's webapps without one: their pages fail to load.
   */
  public static void restoreRuntimeDelegates() {
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    // Camunda's Tasklist, not our page object of the same name
    if (org.camunda.bpm.tasklist.Tasklist.getRuntimeDelegate() == null) {
      org.camunda.bpm.tasklist.Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Welcome.getRuntimeDelegate() == null) {
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }
}
