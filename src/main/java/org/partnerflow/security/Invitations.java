package org.partnerflow.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.partnerflow.system.InvalidInputException;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partner contacts set their own password through a single-use link that expires; no password is
 * ever sent by mail. The token is random, only its SHA-256 hash is stored.
 */
@Component
public class Invitations {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final PartnerInvitationRepository invitations;
  private final IdentityService identityService;
  private final TransactionTemplate ownTransaction;
  private final PartnerflowProperties.Invitation settings;
  private final Clock clock;

  Invitations(PartnerInvitationRepository invitations, IdentityService identityService,
      PlatformTransactionManager transactionManager, PartnerflowProperties properties, Clock clock) {
    this.invitations = invitations;
    this.identityService = identityService;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.settings = properties.invitation();
    this.clock = clock;
  }

  /**
   * A new invitation for the user, with the token to put in the link. Stored in its own
   * transaction, so a link that was mailed always works, even if the step that mailed it is retried.
   */
  public Invitation invite(String userId, String email) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = Instant.now(clock);
    Instant expires = now.atOffset(ZoneOffset.UTC).plus(settings.validity()).toInstant();
    ownTransaction.executeWithoutResult(status -> invitations.save(
        new PartnerInvitation(hash(token), userId, email, now, expires)));
    return new Invitation(token, expires);
  }

  /** What goes into the invitation mail: the token for the link, and until when it works. */
  public record Invitation(String token, Instant expires) {
  }

  /** Whether the user has already set a password through an invitation. */
  public boolean accepted(String userId) {
    return invitations.existsByUserIdAndUsedAtIsNotNull(userId);
  }

  /** The invitation the token stands for, if it is neither used nor expired. */
  @Transactional(readOnly = true)
  public Optional<PartnerInvitation> usable(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return invitations.findById(hash(token)).filter(invitation -> invitation.usableAt(Instant.now(clock)));
  }

  /** Sets the password and uses the invitation up; refuses an unusable token or a weak password. */
  @Transactional
  public String accept(String token, String password, String repeated) {
    PartnerInvitation invitation = (token == null || token.length() > 100 ? Optional.<PartnerInvitation>empty()
        : invitations.findById(hash(token))).filter(found -> found.usableAt(Instant.now(clock)))
        .orElseThrow(() -> new InvalidInputException("token", "This link cannot be used: it has expired or has "
            + "been used already. Ask your contact for a new invitation."));
    if (password == null || password.length() < settings.minimumPasswordLength()) {
      throw new InvalidInputException("password", "Choose a password of at least "
          + settings.minimumPasswordLength() + " characters.");
    }
    if (!password.equals(repeated)) {
      throw new InvalidInputException("repeated", "The two passwords are not the same.");
    }
    if (password.equalsIgnoreCase(invitation.getUserId()) || password.equalsIgnoreCase(invitation.getEmail())) {
      throw new InvalidInputException("password", "Your password cannot be your user name or e-mail address.");
    }
    User user = identityService.createUserQuery().userId(invitation.getUserId()).singleResult();
    if (user == null) {
      throw new InvalidInputException("token", "The account for this invitation no longer exists.");
    }
    refuseWhatThePasswordPolicyRefuses(password, user);
    user.setPassword(password);
    identityService.saveUser(user);
    invitation.use(Instant.now(clock));
    return user.getId();
  }

  /** With the engine's password policy on (the prod profile), says which of its rules the password breaks. */
  private void refuseWhatThePasswordPolicyRefuses(String password, User user) {
    if (identityService.getPasswordPolicy() == null) {
      return;
    }
    PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password, user);
    if (!result.isValid()) {
      throw new InvalidInputException("password", "Choose a password with "
          + PasswordRules.describe(result.getViolatedRules()) + ".");
    }
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
