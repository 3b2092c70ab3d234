package org.partnerflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One person per role, and a contact at a partner organisation (Riverside Trust), so a new user can
 * walk the whole journey. Only in the demo profile; the prod profile refuses to start while they exist.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoUsers extends AbstractProcessEnginePlugin {

  static final String PASSWORD = "demo";

  static final List<DemoUser> USERS = List.of(
      new DemoUser("pat", "Pat", "Morgan", "pat@partnerflow.example", List.of(Roles.PARTNERSHIP_MANAGERS)),
      new DemoUser("sam", "Sam", "Okafor", "sam@partnerflow.example", List.of(Roles.SENIOR_MANAGERS)),
      new DemoUser("robin", "Robin", "Hale", "robin@partnerflow.example",
          List.of(Roles.PARTNERSHIP_MANAGERS, Roles.SENIOR_MANAGERS)),
      new DemoUser("fran", "Fran", "Iqbal", "fran@partnerflow.example", List.of(Roles.FINANCE)),
      new DemoUser("dana", "Dana", "Whitfield", "dana@partnerflow.example", List.of(Roles.DATA_PROTECTION)),
      // a partner's contact: joins its organisation's group when an agreement is sent to it for confirmation
      new DemoUser("riley", "Riley", "Chen", "riley@riverside-trust.example", List.of()));

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identityService = engine.getIdentityService();
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.email());
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      demo.groups().forEach(group -> identityService.createMembership(demo.id(), group));
      LOG.info("Created demo user {} in {}", demo.id(), demo.groups());
    }
  }

  record DemoUser(String id, String firstName, String lastName, String email, List<String> groups) {
  }
}
