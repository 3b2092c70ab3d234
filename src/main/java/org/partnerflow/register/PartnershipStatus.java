package org.partnerflow.register;

/** Where a partnership stands in its lifecycle. */
public enum PartnershipStatus {
  /** Proposed; partnership managers are evaluating whether to collaborate. */
  UNDER_EVALUATION,
  /** Evaluated; a senior manager is deciding. */
  AWAITING_DECISION,
  /** The senior manager asked a question; the evaluation is being completed. */
  MORE_INFORMATION_REQUESTED,
  /** Approved: the collaboration agreement is to be drafted. */
  APPROVED,
  /** The agreement (or an amendment) is being drafted, signed off and confirmed. */
  AGREEING,
  /** An agreed version is in force. */
  AGREED,
  /** The senior manager decided not to pursue it. */
  NOT_PURSUED,
  /** A review decided to end it; its exit steps closed what was open. */
  ENDED
}
