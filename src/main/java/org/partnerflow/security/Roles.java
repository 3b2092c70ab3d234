package org.partnerflow.security;

import java.util.List;

/** The Camunda groups that stand for our internal roles. Partner organisations get a group each. */
public final class Roles {

  public static final String PARTNERSHIP_MANAGERS = "partnership-managers";
  public static final String SENIOR_MANAGERS = "senior-managers";
  public static final String FINANCE = "finance";
  public static final String DATA_PROTECTION = "data-protection";

  /** Every internal role, with the name people see in Admin and Tasklist. */
  public static final List<Role> INTERNAL = List.of(
      new Role(PARTNERSHIP_MANAGERS, "Partnership managers"),
      new Role(SENIOR_MANAGERS, "Senior managers"),
      new Role(FINANCE, "Finance"),
      new Role(DATA_PROTECTION, "Data protection"));

  private Roles() {
  }

  public record Role(String groupId, String name) {
  }
}
