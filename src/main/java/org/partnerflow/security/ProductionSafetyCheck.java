package org.partnerflow.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * In the prod profile, refuses to start with a guessable administrator (password equal to the user
 * id, shorter than 12 characters, or refused by the engine's password policy), with the demo profile
 * switched on, or with the demo users still in the user directory.
 */
@Component
@Profile("prod")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductionSafetyCheck extends AbstractProcessEnginePlugin {

  static final int MINIMUM_PASSWORD_LENGTH = 12;

  private final CamundaBpmProperties camunda;
  private final Environment environment;

  ProductionSafetyCheck(CamundaBpmProperties camunda, Environment environment) {
    this.camunda = camunda;
    this.environment = environment;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<String> problems = new ArrayList<>();
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      problems.add("the demo profile is active beside prod: it creates demo users with a known password");
    }
    AdminUserProperty admin = camunda.getAdminUser();
    if (admin != null && admin.getId() != null) {
      String password = admin.getPassword();
      if (password == null || password.equals(admin.getId())) {
        problems.add("the administrator's password equals its user id; set CAMUNDA_BPM_ADMINUSER_PASSWORD");
      } else if (password.length() < MINIMUM_PASSWORD_LENGTH) {
        problems.add("the administrator's password is shorter than " + MINIMUM_PASSWORD_LENGTH + " characters");
      }
    }
    refuseIf(problems);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    // recognised by id and demo address; checking the password would count as a failed login
    List<String> problems = new ArrayList<>(DemoUsers.USERS.stream()
        .filter(demo -> identity.createUserQuery().userId(demo.id()).userEmail(demo.email()).count() > 0)
        .map(demo -> "demo user '" + demo.id() + "' exists; delete it in Admin")
        .toList());
    AdminUserProperty admin = camunda.getAdminUser();
    if (identity.getPasswordPolicy() != null && admin != null && admin.getPassword() != null) {
      PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(admin.getPassword());
      if (!result.isValid()) {
        problems.add("the password policy wants the administrator's password to have "
            + PasswordRules.describe(result.getViolatedRules()));
      }
    }
    refuseIf(problems);
  }

  private static void refuseIf(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Partnerflow refuses to start in the prod profile: "
          + String.join("; ", problems) + ".");
    }
  }
}
