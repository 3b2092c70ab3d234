package org.partnerflow.collaboration;

import static org.partnerflow.system.ProcessVariable.string;

import org.partnerflow.system.ProcessVariable;

/** The variables of {@code collaboration} that its cycles read. */
public final class CollaborationVariables {

  /** The message that starts {@code collaboration} for a newly agreed version. */
  public static final String COLLABORATION_AGREED = "partnerflow.collaborationAgreed";

  public static final ProcessVariable<String> OUR_REPORTING_CYCLE = string("ourReportingCycle");
  public static final ProcessVariable<String> PARTNER_REPORTING_CYCLE = string("partnerReportingCycle");

  private CollaborationVariables() {
  }
}
