package org.partnerflow.action;

import static org.partnerflow.action.ActionVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementTerms.Communication;
import org.partnerflow.agreement.Side;
import org.partnerflow.security.People;
import org.partnerflow.system.PartnerflowProperties;
import org.partnerflow.security.Roles;
import org.springframework.stereotype.Component;

/** Reads the action from the register: who does it, who hears about it, and its timers' dates. */
@Component
class OpenActionDelegate implements JavaDelegate {

  private final ActionService actions;
  private final AgreementService agreements;
  private final ActionSchedule schedule;
  private final People people;
  private final String ourName;

  OpenActionDelegate(ActionService actions, AgreementService agreements, ActionSchedule schedule, People people,
      PartnerflowProperties properties) {
    this.actions = actions;
    this.agreements = agreements;
    this.schedule = schedule;
    this.people = people;
    this.ourName = properties.organisationName();
  }

  @Override
  public void execute(DelegateExecution execution) {
    ActionRecord action = actions.find(ACTION_ID.from(execution));
    Communication contacts = agreements.current(execution.getProcessBusinessKey()).orElseThrow().terms()
        .communication();
    boolean ours = action.getOwner() == Side.OURS;
    ORGANISATION_NAME.set(execution, action.getPartnership().getOrganisation().getName());
    OUR_ORGANISATION_NAME.set(execution, ourName);
    TASK_SUBJECT.set(execution, action.getTitle() + " (" + action.getPartnership().getOrganisation().getName() + ")");
    ACTION_TITLE.set(execution, action.getTitle());
    ACTION_OWNER.set(execution, ours ? "ours" : "partner");
    RESPONSIBLE_EMAIL.set(execution, action.getResponsibleEmail());
    RESPONSIBLE_USER.set(execution, people.userIdOf(action.getResponsibleEmail()).orElse(null));
    ACTION_GROUP.set(execution, ours ? Roles.PARTNERSHIP_MANAGERS
        : action.getPartnership().getOrganisation().partnerGroupId());
    OTHER_SIDE_EMAIL.set(execution, ours ? contacts.partnerContactEmail() : contacts.ourContactEmail());
    schedule.write(execution, action);
  }
}
