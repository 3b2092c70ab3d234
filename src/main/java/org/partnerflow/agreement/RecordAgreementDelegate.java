package org.partnerflow.agreement;

import static org.partnerflow.agreement.AgreementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.agreement.AgreementVersion.Approvals;
import org.springframework.stereotype.Component;

/** Keeps the confirmed agreement in the register as the partnership's next version. */
@Component
class RecordAgreementDelegate implements JavaDelegate {

  private final AgreementService agreements;

  RecordAgreementDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgreementTerms terms = agreements.check(AgreementDraftReader.read(execution));
    AgreementVersion version = agreements.record(execution.getProcessBusinessKey(), terms, new Approvals(
        DRAFTED_BY.from(execution), COSTS_SIGNED_OFF_BY.from(execution), INFORMATION_SIGNED_OFF_BY.from(execution),
        OVERALL_SIGNED_OFF_BY.from(execution), CONFIRMED_BY.from(execution)));
    AGREEMENT_VERSION.set(execution, version.getVersion());
  }
}
