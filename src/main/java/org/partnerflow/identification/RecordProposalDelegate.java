package org.partnerflow.identification;

import static org.partnerflow.identification.IdentificationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.register.Partnership;
import org.partnerflow.system.DueDates;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/** Puts the proposed partner in the register; its reference becomes the business key. */
@Component
class RecordProposalDelegate implements JavaDelegate {

  private final IdentificationService identification;
  private final PartnerflowProperties.Identification settings;
  private final DueDates dueDates;

  RecordProposalDelegate(IdentificationService identification, PartnerflowProperties properties, DueDates dueDates) {
    this.identification = identification;
    this.settings = properties.identification();
    this.dueDates = dueDates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Partnership partnership = identification.propose(new Proposal(ORGANISATION_NAME.from(execution),
        ORGANISATION_WEBSITE.from(execution), ORGANISATION_SECTOR.from(execution), CONTACT_NAME.from(execution),
        CONTACT_EMAIL.from(execution), OBJECTIVES_SERVED.from(execution), PARTNER_OBJECTIVES.from(execution),
        OBJECTIVE_RELATIONSHIP.from(execution), OBJECTIVE_RELATIONSHIP_NOTE.from(execution)),
        PROPOSED_BY.from(execution));
    execution.setProcessBusinessKey(partnership.getReference());
    PARTNERSHIP_REFERENCE.set(execution, partnership.getReference());
    // the register keeps the trimmed name; tasks and mails show the same
    ORGANISATION_NAME.set(execution, partnership.getOrganisation().getName());
    EVALUATION_ASSIGNEE.set(execution, null);
    EVALUATION_DUE_DATE.set(execution,
        dueDates.in(settings.evaluationPeriod()));
  }
}
