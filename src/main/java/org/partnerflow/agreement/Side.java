package org.partnerflow.agreement;

/** Which organisation something belongs to: ours or the partner's. Forms use "ours" and "partner". */
public enum Side {
  OURS, PARTNER
}
