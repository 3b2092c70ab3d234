package org.partnerflow.agreement;

import static org.partnerflow.agreement.AgreementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.register.Organisation;
import org.partnerflow.register.Partnership;
import org.partnerflow.security.RoleSetup;
import org.partnerflow.system.DueDates;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/**
 * Opens the draft: the partnership moves to "agreeing", the partner organisation gets its own group
 * (its contacts see this agreement's tasks and nothing else), and the drafting gets a due date.
 */
@Component
class PrepareDraftDelegate implements JavaDelegate {

  private final AgreementService agreements;
  private final RoleSetup roles;
  private final DueDates dueDates;
  private final PartnerflowProperties.Agreement settings;

  PrepareDraftDelegate(AgreementService agreements, RoleSetup roles, DueDates dueDates,
      PartnerflowProperties properties) {
    this.agreements = agreements;
    this.roles = roles;
    this.dueDates = dueDates;
    this.settings = properties.agreement();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Partnership partnership = agreements.startAgreeing(execution.getProcessBusinessKey());
    Organisation organisation = partnership.getOrganisation();
    String group = organisation.partnerGroupId();
    roles.ensurePartnerGroup(execution.getProcessEngine(), group, organisation.getName() + " (partner)");
    PARTNER_GROUP.set(execution, group);
    ORGANISATION_NAME.set(execution, organisation.getName());
    PARTNERSHIP_REFERENCE.set(execution, partnership.getReference());
    if (PARTNER_CONTACT_EMAIL.from(execution) == null) {
      PARTNER_CONTACT_EMAIL.set(execution, organisation.getContactEmail());
    }
    DRAFT_DUE_DATE.set(execution, dueDates.in(settings.draftingPeriod()));
  }
}
