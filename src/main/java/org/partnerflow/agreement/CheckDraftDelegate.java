package org.partnerflow.agreement;

import static org.partnerflow.agreement.AgreementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.DueDates;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses a draft that is not sound (a form error; the draft task stays open), and starts a fresh
 * round of sign-offs for one that is.
 */
@Component
class CheckDraftDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AgreementService agreements;
  private final CurrentUser currentUser;
  private final DueDates dueDates;
  private final PartnerflowProperties.Agreement settings;
  private final String ourName;

  CheckDraftDelegate(AgreementService agreements, CurrentUser currentUser, DueDates dueDates,
      PartnerflowProperties properties) {
    this.agreements = agreements;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.settings = properties.agreement();
    this.ourName = properties.organisationName();
  }

  /** The draft as the sign-off and confirmation forms and the mails show it. */
  private void inWords(DelegateExecution execution, AgreementTerms terms) {
    String partner = ORGANISATION_NAME.from(execution);
    OUR_ORGANISATION_NAME.set(execution, ourName);
    CHANNEL_LABEL.set(execution, AgreementLabels.words(terms.communication().channel()));
    LAWFUL_BASIS_LABEL.set(execution, AgreementLabels.words(terms.information().lawfulBasis()));
    OUR_DATA_ROLE_LABEL.set(execution, AgreementLabels.words(terms.information().ourRole()));
    PARTNER_DATA_ROLE_LABEL.set(execution, AgreementLabels.words(terms.information().partnerRole()));
    OUR_REPORTING_LABEL.set(execution, AgreementLabels.every(terms.communication().ourReportingPeriod()));
    PARTNER_REPORTING_LABEL.set(execution, AgreementLabels.every(terms.communication().partnerReportingPeriod()));
    RETENTION_LABEL.set(execution, AgreementLabels.length(terms.information().retention()));
    REVIEW_LABEL.set(execution, AgreementLabels.every(terms.review().period()));
    execution.setVariable(BENEFITS_VIEW, json(AgreementLabels.withNames(BENEFITS.from(execution), "benefitFor", ourName, partner)));
    execution.setVariable(COSTS_VIEW, json(AgreementLabels.withNames(COSTS.from(execution), "costFor", ourName, partner)));
    execution.setVariable(ACTIONS_VIEW, json(AgreementLabels.withNames(ACTIONS.from(execution), "owner", ourName, partner)));
  }

  private static Object json(Object rows) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgreementTerms terms = agreements.check(AgreementDraftReader.read(execution));
    inWords(execution, terms);
    DRAFTED_BY.set(execution, currentUser.id().orElse(null));
    ROUND_ANSWERS.forEach(answer -> execution.removeVariable(answer.name()));
    SIGN_OFF_DUE_DATE.set(execution, dueDates.in(settings.signOffPeriod()));
    CONFIRMATION_DUE_DATE.set(execution, dueDates.in(settings.signOffPeriod().plus(settings.confirmationPeriod())));
  }
}
