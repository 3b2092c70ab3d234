package org.partnerflow.review;

import static org.partnerflow.review.ReviewVariables.*;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.action.ActionRecord;
import org.partnerflow.action.ActionService;
import org.partnerflow.agreement.AgreementDraft;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementVariables;
import org.partnerflow.agreement.AgreementVersion;
import org.springframework.stereotype.Component;

/**
 * The review decided to amend the agreement: starts {@code collaborationAgreement} again, its draft
 * pre-filled from the version in force (open actions only, the next review after this one) and
 * showing the changes the review asked for. The partnership keeps running on the current version
 * until the partner confirms the amendment.
 */
@Component
class RequestAmendmentDelegate implements JavaDelegate {

  private final AgreementService agreements;
  private final ActionService actions;

  RequestAmendmentDelegate(AgreementService agreements, ActionService actions) {
    this.agreements = agreements;
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    AgreementVersion current = agreements.current(reference).orElseThrow();
    List<String> open = actions.ofPartnership(current.getPartnership().getId()).stream()
        .filter(action -> action.getStatus() == ActionRecord.Status.OPEN).map(ActionRecord::getTitle).toList();
    LocalDate nextReview = MEETING_START.from(execution).toInstant().atZone(ZoneOffset.UTC).toLocalDate()
        .plus(current.terms().review().period());
    Map<String, Object> variables = new HashMap<>(AgreementDraft.variables(current.terms(), open, nextReview));
    variables.put(AgreementVariables.PARTNERSHIP_REFERENCE.name(), reference);
    variables.put(AgreementVariables.AMENDS_VERSION.name(), current.getVersion());
    variables.put(AgreementVariables.AMENDMENT_CHANGES.name(), REVIEW_CHANGES.from(execution));
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(AgreementVariables.AGREEMENT_REQUESTED)
        .processInstanceBusinessKey(reference)
        .setVariables(variables)
        .correlateStartMessage();
  }
}
