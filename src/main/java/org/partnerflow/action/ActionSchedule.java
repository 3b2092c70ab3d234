package org.partnerflow.action;

import static org.partnerflow.action.ActionVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.partnerflow.agreement.Side;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/**
 * The dates an action's timers read, all from its current due date: the task is due at the end of
 * that day; the reminder goes the lead time before; the overdue notice at the due time and then
 * repeatedly; the follow-up (escalation for ours, support for the partner's) after the delay for ours,
 * at once for the partner's. Written as variables, so moving the due date and re-entering the task
 * moves every timer.
 */
@Component
class ActionSchedule {

  private final PartnerflowProperties.Actions settings;

  ActionSchedule(PartnerflowProperties properties) {
    this.settings = properties.actions();
  }

  void write(VariableScope variables, ActionRecord action) {
    Instant due = endOf(action.getDueDate());
    ACTION_DUE_ON.set(variables, action.getDueDate().toString());
    ACTION_DUE_DATE.set(variables, Date.from(due));
    REMINDER_DATE.set(variables, Date.from(due.atOffset(ZoneOffset.UTC).minus(settings.reminderLeadTime()).toInstant()));
    OVERDUE_CYCLE.set(variables, "R/" + due + "/" + settings.overdueRepeat());
    Instant followUp = action.getOwner() == Side.OURS
        ? due.atOffset(ZoneOffset.UTC).plus(settings.escalationDelay()).toInstant() : due;
    FOLLOW_UP_DATE.set(variables, Date.from(followUp));
  }

  private static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
