package org.partnerflow.report;

import static org.partnerflow.system.ProcessVariable.bool;
import static org.partnerflow.system.ProcessVariable.date;
import static org.partnerflow.system.ProcessVariable.decimal;
import static org.partnerflow.system.ProcessVariable.integer;
import static org.partnerflow.system.ProcessVariable.string;

import java.math.BigDecimal;
import java.util.Date;

import org.partnerflow.system.ProcessVariable;

/** The variables of {@code progressReport}; form field keys are these names. */
public final class ReportVariables {

  /** Whose report the instance is about: {@code ours} or {@code partner}. */
  public static final ProcessVariable<String> REPORTING_SIDE = string("reportingSide");
  public static final ProcessVariable<String> ORGANISATION_NAME = string("organisationName");
  public static final ProcessVariable<String> OUR_ORGANISATION_NAME = string("ourOrganisationName");
  public static final ProcessVariable<String> TASK_SUBJECT = string("taskSubject");
  public static final ProcessVariable<String> PARTNER_GROUP = string("partnerGroup");
  /** Everyone who hears from us on the partner's side: the agreed contact and the partner group's members. */
  public static final ProcessVariable<String> PARTNER_CONTACTS = string("partnerContacts");
  public static final ProcessVariable<String> OUR_CONTACT_EMAIL = string("ourContactEmail");
  public static final ProcessVariable<Date> REPORT_DUE_DATE = date("reportDueDate");
  public static final ProcessVariable<Date> ESCALATION_DATE = date("escalationDate");
  public static final ProcessVariable<Date> FEEDBACK_DUE_DATE = date("feedbackDueDate");

  // the facts shown in the report form and mails
  public static final ProcessVariable<Integer> ACTIONS_DUE = integer("actionsDue");
  public static final ProcessVariable<Integer> ACTIONS_DONE_ON_TIME = integer("actionsDoneOnTime");
  public static final ProcessVariable<Integer> ACTIONS_DONE_LATE = integer("actionsDoneLate");
  public static final ProcessVariable<Integer> ACTIONS_OPEN = integer("actionsOpen");
  public static final ProcessVariable<String> DEVIATIONS_VIEW = string("deviationsView");
  public static final ProcessVariable<String> PLANNED_MONEY = string("plannedMoney");
  public static final ProcessVariable<String> PLANNED_STAFF_DAYS = string("plannedStaffDays");

  // the report form
  public static final ProcessVariable<String> PERIOD_START = string("periodStart");
  public static final ProcessVariable<String> PERIOD_END = string("periodEnd");
  public static final ProcessVariable<String> SUMMARY = string("summary");
  public static final ProcessVariable<String> MEASURES = string("measures");
  public static final ProcessVariable<BigDecimal> MONEY_TO_DATE = decimal("moneyToDate");
  public static final ProcessVariable<BigDecimal> STAFF_DAYS_TO_DATE = decimal("staffDaysToDate");
  public static final ProcessVariable<String> ISSUES = string("issues");
  public static final ProcessVariable<String> SUPPORT_NEEDED = string("supportNeeded");
  public static final ProcessVariable<Boolean> PERSONAL_DATA = bool("personalData");
  public static final ProcessVariable<String> PERSONAL_DATA_DESCRIPTION = string("personalDataDescription");
  public static final ProcessVariable<Long> REPORT_ID = ProcessVariable.id("reportId");
  public static final ProcessVariable<String> SUBMITTED_BY = string("submittedBy");

  // the feedback form
  public static final ProcessVariable<String> WENT_WELL = string("wentWell");
  public static final ProcessVariable<String> COULD_IMPROVE = string("couldImprove");
  public static final ProcessVariable<String> FEEDBACK_SUPPORT = string("feedbackSupport");
  public static final ProcessVariable<String> PROGRESS_TOWARDS_AIMS = string("progressTowardsAims");
  public static final ProcessVariable<String> NEXT_MILESTONES = string("nextMilestones");
  public static final ProcessVariable<Long> FEEDBACK_ID = ProcessVariable.id("feedbackId");
  public static final ProcessVariable<String> FEEDBACK_GIVEN_BY = string("feedbackGivenBy");
  // the acknowledgement form
  public static final ProcessVariable<Boolean> FEEDBACK_READ = bool("feedbackRead");
  public static final ProcessVariable<String> FEEDBACK_COMMENT = string("feedbackComment");

  private ReportVariables() {
  }
}
