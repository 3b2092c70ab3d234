package org.partnerflow.action;

import static org.partnerflow.system.ProcessVariable.bool;
import static org.partnerflow.system.ProcessVariable.date;
import static org.partnerflow.system.ProcessVariable.string;

import java.util.Date;

import org.partnerflow.system.ProcessVariable;

/** The variables of {@code collaboration} and {@code agreedAction}; form field keys are these names. */
public final class ActionVariables {

  public static final String ACTION_IDS = "actionIds";
  public static final ProcessVariable<Long> ACTION_ID = ProcessVariable.id("actionId");

  public static final ProcessVariable<String> ORGANISATION_NAME = string("organisationName");
  public static final ProcessVariable<String> OUR_ORGANISATION_NAME = string("ourOrganisationName");
  public static final ProcessVariable<String> TASK_SUBJECT = string("taskSubject");
  public static final ProcessVariable<String> ACTION_TITLE = string("actionTitle");
  public static final ProcessVariable<String> ACTION_OWNER = string("actionOwner");
  public static final ProcessVariable<String> RESPONSIBLE_EMAIL = string("responsibleEmail");
  /** The responsible person's user id when they have an account: the task is theirs. */
  public static final ProcessVariable<String> RESPONSIBLE_USER = string("responsibleUser");
  public static final ProcessVariable<String> ACTION_GROUP = string("actionGroup");
  public static final ProcessVariable<String> OTHER_SIDE_EMAIL = string("otherSideEmail");
  public static final ProcessVariable<String> ACTION_DUE_ON = string("actionDueOn");
  public static final ProcessVariable<Date> ACTION_DUE_DATE = date("actionDueDate");
  public static final ProcessVariable<Date> REMINDER_DATE = date("reminderDate");
  public static final ProcessVariable<String> OVERDUE_CYCLE = string("overdueCycle");
  public static final ProcessVariable<Date> FOLLOW_UP_DATE = date("followUpDate");

  // the action form
  public static final ProcessVariable<String> ACTION_OUTCOME = string("actionOutcome");
  public static final ProcessVariable<String> DELAY_REASON = string("delayReason");
  public static final ProcessVariable<String> NEW_DUE_DATE = string("newDueDate");
  public static final ProcessVariable<Boolean> ACTION_DONE = bool("actionDone");
  public static final ProcessVariable<Boolean> ACTION_ON_TIME = bool("actionOnTime");
  public static final ProcessVariable<String> PREVIOUS_DUE_ON = string("previousDueOn");

  // the follow-up forms
  public static final ProcessVariable<String> SUPPORT_OFFERED = string("supportOffered");
  public static final ProcessVariable<String> FOLLOW_UP_NOTE = string("followUpNote");

  private ActionVariables() {
  }
}
