package org.partnerflow.collaboration;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementVariables;
import org.partnerflow.agreement.AgreementVersion;
import org.springframework.stereotype.Component;

/**
 * Starts the running partnership ({@code collaboration}) for the version that just came into force,
 * with the cycles its timers read: both sides' reporting periods, as agreed.
 */
@Component
class StartCollaborationDelegate implements JavaDelegate {

  private final AgreementService agreements;

  StartCollaborationDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    int version = AgreementVariables.AGREEMENT_VERSION.from(execution);
    AgreementVersion agreement = agreements.versions(reference).stream()
        .filter(candidate -> candidate.getVersion() == version).findFirst()
        .orElseThrow(() -> new IllegalStateException(reference + " has no agreement version " + version));
    Map<String, Object> variables = new HashMap<>(CollaborationSchedule.of(agreement).asVariables());
    variables.put(AgreementVariables.AGREEMENT_VERSION.name(), version);
    variables.put(AgreementVariables.ORGANISATION_NAME.name(), AgreementVariables.ORGANISATION_NAME.from(execution));
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(CollaborationVariables.COLLABORATION_AGREED)
        .processInstanceBusinessKey(reference)
        .setVariables(variables)
        .correlateStartMessage();
  }
}
