package org.partnerflow.collaboration;

import static org.partnerflow.system.ProcessVariable.string;

import org.partnerflow.system.ProcessVariable;

/** The variables of {@code collaboration} that its cycles read. */
public final class CollaborationVariables {

  /** The message that starts {@code collaboration} for a newly agreed version. */
  public static final String COLLABORATION_AGREED = "partnerflow.collaborationAgreed";

  public static final ProcessVariable<String> OUR_REPORTING_CYCLE = string("ourReportingCycle");
  public static final ProcessVariable<String> PARTNER_REPORTING_CYCLE = string("partnerReportingCycle");
  public static final ProcessVariable<String> REVIEW_CYCLE = string("reviewCycle");

  /** The message that tells the running partnership it has ended: its exit steps follow. */
  public static final String PARTNERSHIP_ENDED = "partnerflow.partnershipEnded";
  /** The message that tells the running partnership a new agreement version replaces it. */
  public static final String AGREEMENT_AMENDED = "partnerflow.agreementAmended";

  // the exit steps
  public static final ProcessVariable<String> END_NOTICE_RECIPIENTS = string("endNoticeRecipients");
  public static final ProcessVariable<String> ORGANISATION_NAME = string("organisationName");
  public static final ProcessVariable<String> OUR_ORGANISATION_NAME = string("ourOrganisationName");
  public static final ProcessVariable<Integer> ACTIONS_CLOSED = ProcessVariable.integer("actionsClosed");
  public static final ProcessVariable<Integer> INFORMATION_DUE_NOW = ProcessVariable.integer("informationDueNow");

  private CollaborationVariables() {
  }
}
