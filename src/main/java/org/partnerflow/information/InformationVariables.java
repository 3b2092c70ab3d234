package org.partnerflow.information;

import static org.partnerflow.system.ProcessVariable.bool;
import static org.partnerflow.system.ProcessVariable.date;
import static org.partnerflow.system.ProcessVariable.string;

import java.util.Date;

import org.partnerflow.system.ProcessVariable;

/** The variables of {@code partnerInformation}; form field keys are these names. */
public final class InformationVariables {

  /** The message that starts {@code partnerInformation} for personal data in a partner's report. */
  public static final String PERSONAL_DATA_REPORTED = "partnerflow.personalDataReported";

  public static final ProcessVariable<String> PARTNERSHIP_REFERENCE = string("partnershipReference");
  public static final ProcessVariable<String> ORGANISATION_NAME = string("organisationName");
  public static final ProcessVariable<String> OUR_ORGANISATION_NAME = string("ourOrganisationName");
  public static final ProcessVariable<String> TASK_SUBJECT = string("taskSubject");
  public static final ProcessVariable<String> PARTNER_CONTACT_EMAIL = string("partnerContactEmail");
  public static final ProcessVariable<Long> REPORT_ID = ProcessVariable.id("reportId");

  // the information form
  public static final ProcessVariable<String> DESCRIPTION = string("informationDescription");
  public static final ProcessVariable<String> PURPOSE = string("informationPurpose");
  public static final ProcessVariable<Boolean> PERSONAL_DATA = bool("personalData");
  public static final ProcessVariable<String> LAWFUL_BASIS = string("informationLawfulBasis");
  public static final ProcessVariable<String> CLASSIFICATION = string("classification");
  public static final ProcessVariable<String> VISIBLE_TO = string("visibleTo");
  public static final ProcessVariable<String> RETENTION = string("informationRetention");

  // what recording it decided
  public static final ProcessVariable<Long> INFORMATION_ID = ProcessVariable.id("informationId");
  public static final ProcessVariable<Boolean> NEEDS_REVIEW = bool("needsReview");
  public static final ProcessVariable<String> OUTSIDE_ARRANGEMENTS = string("outsideArrangements");
  public static final ProcessVariable<String> DATA_OWNER = string("dataOwner");
  public static final ProcessVariable<Date> DELETION_DUE_DATE = date("deletionDueDate");
  public static final ProcessVariable<String> DELETION_DUE_ON = string("deletionDueOn");
  public static final ProcessVariable<String> RETENTION_LABEL = string("retentionLabel");

  // data protection's review
  public static final ProcessVariable<String> REVIEW_DECISION = string("reviewDecision");
  public static final ProcessVariable<String> REVIEW_NOTE = string("reviewNote");
  public static final ProcessVariable<Boolean> INFORMATION_ACCEPTED = bool("informationAccepted");

  // the owner after a refusal
  public static final ProcessVariable<String> CORRECTION = string("correction");

  // disposal at the end of retention (and withdrawal)
  public static final ProcessVariable<String> DISPOSAL = string("disposal");
  public static final ProcessVariable<String> DISPOSAL_NOTE = string("disposalNote");

  private InformationVariables() {
  }
}
