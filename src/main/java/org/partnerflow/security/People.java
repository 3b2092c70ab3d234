package org.partnerflow.security;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Looks people up in the engine's user directory. Diagrams use it by name, e.g. a mail step's
 * recipients {@code ${people.emailOf(proposedBy)}}.
 */
@Component("people")
public class People {

  private final IdentityService identityService;

  People(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String emailOf(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      throw new IllegalStateException("There is no user '" + userId + "' to send mail to");
    }
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      throw new IllegalStateException("User '" + userId + "' has no e-mail address; add one in Admin");
    }
    return user.getEmail();
  }

  /** The user with this e-mail address, if there is exactly one. */
  public Optional<String> userIdOf(String email) {
    var users = identityService.createUserQuery().userEmail(email).list();
    return users.size() == 1 ? Optional.of(users.get(0).getId()) : Optional.empty();
  }

  /** Everyone who hears from us on a partner's side: the agreed contact first, then the group's members. */
  public java.util.List<String> partnerContacts(String agreedContact, String partnerGroupId) {
    java.util.Set<String> contacts = new java.util.LinkedHashSet<>();
    contacts.add(agreedContact);
    contacts.addAll(emailsOfGroup(partnerGroupId));
    return java.util.List.copyOf(contacts);
  }

  /** The e-mail addresses of a group's members, for mail to a whole organisation. */
  public java.util.List<String> emailsOfGroup(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getEmail)
        .filter(email -> email != null && !email.isBlank()).toList();
  }

  public String nameOf(String userId) {
    User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
