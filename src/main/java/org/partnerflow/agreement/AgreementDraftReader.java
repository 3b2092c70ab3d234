package org.partnerflow.agreement;

import static org.partnerflow.agreement.AgreementVariables.*;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the draft agreement form from the process variables. */
final class AgreementDraftReader {

  private AgreementDraftReader() {
  }

  static AgreementForm read(VariableScope variables) {
    return new AgreementForm(AIMS.from(variables), BENEFITS.from(variables), COSTS.from(variables),
        ACTIONS.from(variables), OUTCOMES.from(variables), OUR_CONTACT_EMAIL.from(variables),
        PARTNER_CONTACT_EMAIL.from(variables), CHANNEL.from(variables), OUR_REPORTING_PERIOD.from(variables),
        PARTNER_REPORTING_PERIOD.from(variables), SHARED_INFORMATION.from(variables),
        INFORMATION_PURPOSE.from(variables), LAWFUL_BASIS.from(variables), OUR_DATA_ROLE.from(variables),
        PARTNER_DATA_ROLE.from(variables), CONFIDENTIALITY.from(variables), RETENTION_PERIOD.from(variables),
        FIRST_REVIEW_DATE.from(variables), REVIEW_PERIOD.from(variables));
  }
}
