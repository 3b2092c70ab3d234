package org.partnerflow.review;

import static org.partnerflow.system.ProcessVariable.date;
import static org.partnerflow.system.ProcessVariable.integer;
import static org.partnerflow.system.ProcessVariable.string;

import java.util.Date;

import org.partnerflow.system.ProcessVariable;

/** The variables of {@code partnershipReview}; form field keys are these names. */
public final class ReviewVariables {

  public static final ProcessVariable<Long> REVIEW_ID = ProcessVariable.id("reviewId");
  public static final ProcessVariable<Integer> REVIEW_NUMBER = integer("reviewNumber");
  public static final ProcessVariable<String> ORGANISATION_NAME = string("organisationName");
  public static final ProcessVariable<String> OUR_ORGANISATION_NAME = string("ourOrganisationName");
  public static final ProcessVariable<String> TASK_SUBJECT = string("taskSubject");
  public static final ProcessVariable<String> PARTNER_GROUP = string("partnerGroup");
  public static final ProcessVariable<String> OUR_CONTACT_EMAIL = string("ourContactEmail");
  public static final ProcessVariable<String> PARTNER_CONTACTS = string("partnerContacts");
  /** Both sides: our contact and the partnership managers, and the partner's contacts. */
  public static final ProcessVariable<String> REVIEW_ATTENDEES = string("reviewAttendees");
  public static final ProcessVariable<Date> MEETING_START = date("meetingStart");
  public static final ProcessVariable<String> MEETING_START_LABEL = string("meetingStartLabel");
  public static final ProcessVariable<Date> CONFIRMATION_DUE_DATE = date("confirmationDueDate");
  public static final ProcessVariable<String> EVIDENCE_SUMMARY = string("evidenceSummary");
  public static final ProcessVariable<String> EVIDENCE_URL = string("evidenceUrl");

  // the review form
  public static final ProcessVariable<String> REVIEW_OUTCOME = string("reviewOutcome");
  public static final ProcessVariable<String> NEW_MEETING_START = string("newMeetingStart");
  public static final ProcessVariable<String> AIMS_ACHIEVED = string("aimsAchieved");
  public static final ProcessVariable<String> AIMS_NOTE = string("aimsNote");
  public static final ProcessVariable<String> ACTIONS_AND_DEVIATIONS = string("actionsAndDeviations");
  public static final ProcessVariable<String> FAILURES_AND_CAUSES = string("failuresAndCauses");
  public static final ProcessVariable<String> AVOIDING_FAILURES = string("avoidingFailures");
  public static final ProcessVariable<String> COSTS_AND_SAVINGS = string("costsAndSavings");
  public static final ProcessVariable<String> BENEFITS_AND_GROWTH = string("benefitsAndGrowth");
  public static final ProcessVariable<String> OUR_EXPECTATIONS_MET = string("ourExpectationsMet");
  public static final ProcessVariable<String> PARTNER_EXPECTATIONS_MET = string("partnerExpectationsMet");
  public static final ProcessVariable<String> EXPECTATIONS_NOTE = string("expectationsNote");
  public static final ProcessVariable<String> REVIEW_CHANGES = string("reviewChanges");
  public static final ProcessVariable<String> REVIEW_DECISION = string("reviewDecision");
  public static final ProcessVariable<String> DECISION_REASON = string("decisionReason");
  public static final ProcessVariable<String> REVIEW_DECISION_LABEL = string("reviewDecisionLabel");
  /** The extents in words ("not at all"), for the record's form and mail. */
  public static final ProcessVariable<String> AIMS_ACHIEVED_LABEL = string("aimsAchievedLabel");
  public static final ProcessVariable<String> OUR_EXPECTATIONS_MET_LABEL = string("ourExpectationsMetLabel");
  public static final ProcessVariable<String> PARTNER_EXPECTATIONS_MET_LABEL = string("partnerExpectationsMetLabel");
  public static final ProcessVariable<String> HELD_BY = string("heldBy");

  // the partner's confirmation
  public static final ProcessVariable<String> REVIEW_ANSWER = string("reviewAnswer");
  public static final ProcessVariable<String> REVIEW_COMMENT = string("reviewComment");

  /** The attendees as a list of addresses. */
  static java.util.List<String> attendees(org.camunda.bpm.engine.delegate.VariableScope execution) {
    return java.util.Arrays.stream(REVIEW_ATTENDEES.from(execution).split(",")).map(String::strip)
        .filter(address -> !address.isEmpty()).toList();
  }

  private ReviewVariables() {
  }
}
