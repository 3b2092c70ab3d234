package org.partnerflow.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;

import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Accounts for the contacts of partner organisations: one per e-mail address, a member of its
 * organisation's group and of nothing else, so it sees that organisation's tasks only.
 */
@Component
public class PartnerAccounts {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final PartnerInvitationRepository invitations;

  PartnerAccounts(IdentityService identityService, AuthorizationService authorizationService,
      PartnerInvitationRepository invitations) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.invitations = invitations;
  }

  /**
   * The partnership ended: the organisation's group, its authorizations and its members' access go.
   * An account made for a contact by invitation and in no other group is deleted, so it cannot log
   * in at all; anyone else only leaves the group. Returns the user ids that lost access.
   */
  @org.springframework.transaction.annotation.Transactional
  public List<String> removeOrganisation(String groupId) {
    List<String> members = identityService.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(User::getId).toList();
    for (String userId : members) {
      // asked before the change: inside a process step, the engine writes it only at the end
      boolean otherGroups = identityService.createGroupQuery().groupMember(userId).list().stream()
          .anyMatch(group -> !group.getId().equals(groupId));
      identityService.deleteMembership(userId, groupId);
      if (!otherGroups && invitations.countByUserId(userId) > 0) {
        invitations.deleteByUserId(userId);
        identityService.deleteUser(userId);
      }
    }
    authorizationService.createAuthorizationQuery().groupIdIn(groupId).list()
        .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    identityService.deleteGroup(groupId);
    return members;
  }

  /** The user id of the contact with this address, created (without a password) when there is none. */
  public String ensure(String email, String organisationName, String groupId) {
    User user = identityService.createUserQuery().userEmail(email).list().stream().findFirst().orElse(null);
    if (user == null) {
      user = identityService.newUser(freeUserId(email));
      user.setEmail(email);
      user.setFirstName(email.substring(0, email.indexOf('@')));
      user.setLastName("(" + organisationName + ")");
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(user.getId()).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(user.getId(), groupId);
    }
    return user.getId();
  }

  /** Letters and digits of the address's local part, numbered when taken: riley, riley2, … */
  private String freeUserId(String email) {
    String base = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (base.isEmpty()) {
      base = "partner";
    }
    String candidate = base;
    for (int n = 2; identityService.createUserQuery().userId(candidate).count() > 0; n++) {
      candidate = base + n;
    }
    return candidate;
  }
}
