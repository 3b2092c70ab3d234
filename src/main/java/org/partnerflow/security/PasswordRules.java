package org.partnerflow.security;

import java.util.List;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/** The engine's password policy rules, in words a person choosing a password understands. */
final class PasswordRules {

  private PasswordRules() {
  }

  /** "at least 10 characters, a digit and a special character", or an empty string when none is broken. */
  static String describe(List<PasswordPolicyRule> violated) {
    return String.join(", ", violated.stream().map(PasswordRules::describe).toList());
  }

  private static String describe(PasswordPolicyRule rule) {
    String minimum = rule.getParameters() == null ? null : rule.getParameters().get("minLength");
    String placeholder = rule.getPlaceholder();
    return switch (placeholder.replace("PASSWORD_POLICY_", "")) {
      case "LENGTH" -> "at least " + minimum + " characters";
      case "LOWERCASE" -> "a lower-case letter";
      case "UPPERCASE" -> "an upper-case letter";
      case "DIGIT" -> "a digit";
      case "SPECIAL" -> "a special character such as ! # - _";
      case "USER_DATA" -> "nothing of the user's id, name or e-mail address";
      default -> placeholder;
    };
  }
}
