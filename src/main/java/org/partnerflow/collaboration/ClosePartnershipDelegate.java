package org.partnerflow.collaboration;

import static org.partnerflow.collaboration.CollaborationVariables.*;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnerflow.security.PartnerAccounts;
import org.partnerflow.security.People;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/**
 * The exit steps of an ended partnership: open actions closed, the partner's information due for
 * deletion now (each owner gets the task at once), the partner's contacts lose their access, and
 * the partnership is marked ended. Both sides are told next; the end event stops what still runs.
 */
@Component
class ClosePartnershipDelegate implements JavaDelegate {

  private final ExitService exit;
  private final PartnerAccounts partnerAccounts;
  private final People people;
  private final String ourName;

  ClosePartnershipDelegate(ExitService exit, PartnerAccounts partnerAccounts, People people,
      PartnerflowProperties properties) {
    this.exit = exit;
    this.partnerAccounts = partnerAccounts;
    this.people = people;
    this.ourName = properties.organisationName();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    ExitService.Exit done = exit.close(reference);
    String group = done.partnership().getOrganisation().partnerGroupId();

    Set<String> recipients = new LinkedHashSet<>();
    recipients.add(done.agreement().terms().communication().ourContactEmail());
    recipients.addAll(people.partnerContacts(done.agreement().terms().communication().partnerContactEmail(), group));
    END_NOTICE_RECIPIENTS.set(execution, String.join(", ", recipients));
    ORGANISATION_NAME.set(execution, done.partnership().getOrganisation().getName());
    OUR_ORGANISATION_NAME.set(execution, ourName);
    ACTIONS_CLOSED.set(execution, done.actionsClosed());
    INFORMATION_DUE_NOW.set(execution, done.informationDueNow());

    retentionTimersNow(execution, reference);
    partnerAccounts.removeOrganisation(group);
  }

  /** Each kept item's retention timer fires now, so its owner is asked to delete or anonymise it. */
  private static void retentionTimersNow(DelegateExecution execution, String reference) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    Date now = ClockUtil.getCurrentTime();
    runtime.createProcessInstanceQuery().processDefinitionKey("partnerInformation")
        .processInstanceBusinessKey(reference).list()
        .forEach(instance -> management.createJobQuery().processInstanceId(instance.getId()).timers().list()
            .forEach(job -> management.setJobDuedate(job.getId(), now)));
  }
}
