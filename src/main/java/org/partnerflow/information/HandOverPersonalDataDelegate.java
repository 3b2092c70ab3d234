package org.partnerflow.information;

import static org.partnerflow.information.InformationVariables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.agreement.AgreementDraft;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementTerms.InformationHandling;
import org.partnerflow.report.ReportVariables;
import org.springframework.stereotype.Component;

/**
 * A partner's report holds personal data: starts {@code partnerInformation} for it, pre-filled with
 * what the agreement arranged for shared information, so a partnership manager only confirms or
 * adjusts it before data protection reviews it.
 */
@Component
class HandOverPersonalDataDelegate implements JavaDelegate {

  private final AgreementService agreements;

  HandOverPersonalDataDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    InformationHandling agreed = agreements.current(reference).orElseThrow().terms().information();
    Map<String, Object> variables = new HashMap<>();
    variables.put(PARTNERSHIP_REFERENCE.name(), reference);
    variables.put(REPORT_ID.name(), REPORT_ID.from(execution));
    variables.put(DESCRIPTION.name(), ReportVariables.PERSONAL_DATA_DESCRIPTION.from(execution));
    variables.put(PURPOSE.name(), agreed.purpose());
    variables.put(PERSONAL_DATA.name(), true);
    variables.put(LAWFUL_BASIS.name(), AgreementDraft.camel(agreed.lawfulBasis()));
    variables.put(CLASSIFICATION.name(), "confidential");
    variables.put(VISIBLE_TO.name(), agreed.confidentiality());
    variables.put(RETENTION.name(), agreed.retention().toString());
    variables.put(ORGANISATION_NAME.name(), ReportVariables.ORGANISATION_NAME.from(execution));
    variables.put(TASK_SUBJECT.name(), "from the report for " + ReportVariables.PERIOD_START.from(execution)
        + " to " + ReportVariables.PERIOD_END.from(execution) + " (" + ReportVariables.ORGANISATION_NAME.from(execution)
        + ")");
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(PERSONAL_DATA_REPORTED)
        .processInstanceBusinessKey(reference)
        .setVariables(variables)
        .correlateStartMessage();
  }
}
