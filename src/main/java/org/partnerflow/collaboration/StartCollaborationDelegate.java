package org.partnerflow.collaboration;

import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementVariables;
import org.partnerflow.agreement.AgreementVersion;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/**
 * Starts the running partnership ({@code collaboration}) for the version that just came into force,
 * with the cycles its timers read: both sides' reporting periods and the reviews, as agreed. When it
 * is an amendment, the partnership running on the earlier version is replaced.
 */
@Component
class StartCollaborationDelegate implements JavaDelegate {

  private final AgreementService agreements;
  private final Period reviewLeadTime;

  StartCollaborationDelegate(AgreementService agreements, PartnerflowProperties properties) {
    this.agreements = agreements;
    this.reviewLeadTime = properties.reviews().invitationLeadTime();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    int version = AgreementVariables.AGREEMENT_VERSION.from(execution);
    AgreementVersion agreement = agreements.versions(reference).stream()
        .filter(candidate -> candidate.getVersion() == version).findFirst()
        .orElseThrow(() -> new IllegalStateException(reference + " has no agreement version " + version));
    // an amendment: the partnership running on the earlier version gives way to this one
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    if (runtime.createProcessInstanceQuery().processDefinitionKey("collaboration").processInstanceBusinessKey(reference)
        .active().count() > 0) {
      runtime.createMessageCorrelation(CollaborationVariables.AGREEMENT_AMENDED).processInstanceBusinessKey(reference)
          .correlateAll();
    }
    Map<String, Object> variables = new HashMap<>(CollaborationSchedule.of(agreement, reviewLeadTime).asVariables());
    variables.put(AgreementVariables.AGREEMENT_VERSION.name(), version);
    variables.put(AgreementVariables.ORGANISATION_NAME.name(), AgreementVariables.ORGANISATION_NAME.from(execution));
    runtime.createMessageCorrelation(CollaborationVariables.COLLABORATION_AGREED)
        .processInstanceBusinessKey(reference)
        .setVariables(variables)
        .correlateStartMessage();
  }
}
