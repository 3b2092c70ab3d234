package org.partnerflow.agreement;

import static org.partnerflow.system.ProcessVariable.date;
import static org.partnerflow.system.ProcessVariable.integer;
import static org.partnerflow.system.ProcessVariable.list;
import static org.partnerflow.system.ProcessVariable.string;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.partnerflow.system.ProcessVariable;

/** The variables of {@code collaborationAgreement}; form field keys are these names. */
public final class AgreementVariables {

  /** The message that starts {@code collaborationAgreement}, for a new agreement or an amendment. */
  public static final String AGREEMENT_REQUESTED = "partnerflow.agreementRequested";

  // set when the agreement is requested
  public static final ProcessVariable<String> ORGANISATION_NAME = string("organisationName");
  public static final ProcessVariable<String> PARTNERSHIP_REFERENCE = string("partnershipReference");
  public static final ProcessVariable<String> PARTNER_GROUP = string("partnerGroup");
  public static final ProcessVariable<Date> DRAFT_DUE_DATE = date("draftDueDate");
  public static final ProcessVariable<Date> SIGN_OFF_DUE_DATE = date("signOffDueDate");
  public static final ProcessVariable<Date> CONFIRMATION_DUE_DATE = date("confirmationDueDate");

  // the draft
  public static final ProcessVariable<String> AIMS = string("aims");
  public static final ProcessVariable<List<Map<String, Object>>> BENEFITS = list("benefits");
  public static final ProcessVariable<List<Map<String, Object>>> COSTS = list("costs");
  public static final ProcessVariable<List<Map<String, Object>>> ACTIONS = list("actions");
  public static final ProcessVariable<List<Map<String, Object>>> OUTCOMES = list("outcomes");
  public static final ProcessVariable<String> OUR_CONTACT_EMAIL = string("ourContactEmail");
  public static final ProcessVariable<String> PARTNER_CONTACT_EMAIL = string("partnerContactEmail");
  public static final ProcessVariable<String> CHANNEL = string("channel");
  public static final ProcessVariable<String> OUR_REPORTING_PERIOD = string("ourReportingPeriod");
  public static final ProcessVariable<String> PARTNER_REPORTING_PERIOD = string("partnerReportingPeriod");
  public static final ProcessVariable<String> SHARED_INFORMATION = string("sharedInformation");
  public static final ProcessVariable<String> INFORMATION_PURPOSE = string("informationPurpose");
  public static final ProcessVariable<String> LAWFUL_BASIS = string("lawfulBasis");
  public static final ProcessVariable<String> OUR_DATA_ROLE = string("ourDataRole");
  public static final ProcessVariable<String> PARTNER_DATA_ROLE = string("partnerDataRole");
  public static final ProcessVariable<String> CONFIDENTIALITY = string("confidentiality");
  public static final ProcessVariable<String> RETENTION_PERIOD = string("retentionPeriod");
  public static final ProcessVariable<String> FIRST_REVIEW_DATE = string("firstReviewDate");
  public static final ProcessVariable<String> REVIEW_PERIOD = string("reviewPeriod");
  public static final ProcessVariable<String> DRAFTED_BY = string("draftedBy");
  /** An amendment: the version it amends and the changes the review asked for. */
  public static final ProcessVariable<Integer> AMENDS_VERSION = integer("amendsVersion");
  public static final ProcessVariable<String> AMENDMENT_CHANGES = string("amendmentChanges");
  /** Fields of the rows of each list, by list. */
  public static final Map<String, List<String>> ROW_FIELDS = Map.of(
      "benefits", List.of("benefitFor", "benefit", "benefitMeasure"),
      "costs", List.of("costFor", "cost", "money", "staffDays"),
      "actions", List.of("title", "owner", "responsibleEmail", "dueDate"),
      "outcomes", List.of("outcome", "outcomeMeasure"));

  // the draft in words, for the people who read it: names instead of sides, periods spelt out
  public static final ProcessVariable<String> OUR_ORGANISATION_NAME = string("ourOrganisationName");
  public static final ProcessVariable<String> CHANNEL_LABEL = string("channelLabel");
  public static final ProcessVariable<String> LAWFUL_BASIS_LABEL = string("lawfulBasisLabel");
  public static final ProcessVariable<String> OUR_DATA_ROLE_LABEL = string("ourDataRoleLabel");
  public static final ProcessVariable<String> PARTNER_DATA_ROLE_LABEL = string("partnerDataRoleLabel");
  public static final ProcessVariable<String> OUR_REPORTING_LABEL = string("ourReportingLabel");
  public static final ProcessVariable<String> PARTNER_REPORTING_LABEL = string("partnerReportingLabel");
  public static final ProcessVariable<String> RETENTION_LABEL = string("retentionLabel");
  public static final ProcessVariable<String> REVIEW_LABEL = string("reviewLabel");
  public static final String BENEFITS_VIEW = "benefitsView";
  public static final String COSTS_VIEW = "costsView";
  public static final String ACTIONS_VIEW = "actionsView";

  // the sign-offs: each approves or sends back with comments
  public static final ProcessVariable<String> COSTS_DECISION = string("costsDecision");
  public static final ProcessVariable<String> COSTS_COMMENTS = string("costsComments");
  public static final ProcessVariable<String> COSTS_SIGNED_OFF_BY = string("costsSignedOffBy");
  public static final ProcessVariable<String> INFORMATION_DECISION = string("informationDecision");
  public static final ProcessVariable<String> INFORMATION_COMMENTS = string("informationComments");
  public static final ProcessVariable<String> INFORMATION_SIGNED_OFF_BY = string("informationSignedOffBy");
  public static final ProcessVariable<String> OVERALL_DECISION = string("overallDecision");
  public static final ProcessVariable<String> OVERALL_COMMENTS = string("overallComments");
  public static final ProcessVariable<String> OVERALL_SIGNED_OFF_BY = string("overallSignedOffBy");

  // the partner's answer
  public static final ProcessVariable<String> PARTNER_DECISION = string("partnerDecision");
  public static final ProcessVariable<String> PARTNER_COMMENTS = string("partnerComments");
  public static final ProcessVariable<String> CONFIRMED_BY = string("confirmedBy");
  public static final ProcessVariable<Integer> AGREEMENT_VERSION = integer("agreementVersion");

  /** What a new round of sign-off starts without: the last round's answers and comments. */
  static final List<ProcessVariable<?>> ROUND_ANSWERS = List.of(COSTS_DECISION, COSTS_COMMENTS,
      INFORMATION_DECISION, INFORMATION_COMMENTS, OVERALL_DECISION, OVERALL_COMMENTS, PARTNER_DECISION,
      PARTNER_COMMENTS);

  private AgreementVariables() {
  }
}
