package org.partnerflow.security;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting now, as the engine knows it: set by the REST authentication filter for API calls,
 * by the webapps for Tasklist users.
 */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Optional<String> id() {
    return Optional.ofNullable(identityService.getCurrentAuthentication()).map(Authentication::getUserId);
  }

  public List<String> groups() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }

  public boolean isInAnyOf(List<String> groupIds) {
    return groups().stream().anyMatch(groupIds::contains);
  }
}
