package org.partnerflow.agreement;

import static org.partnerflow.agreement.AgreementVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.InputCheck;
import org.partnerflow.system.InvalidInputException;
import org.partnerflow.system.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * On completing a sign-off or the partner's confirmation: checks the answer (one of the two the form
 * offers; sending back needs a comment, of at most 4000 characters) and records who gave it.
 */
@Component
class RecordSignOffListener implements TaskListener {

  /** The form's fields, its two answers (agreeing first) and the variable that keeps who answered. */
  private record Answer(ProcessVariable<String> decision, ProcessVariable<String> comments,
      ProcessVariable<String> by, String approve, String other) {
  }

  private static final Map<String, Answer> BY_TASK = Map.of(
      "Task_SignOffCosts", new Answer(COSTS_DECISION, COSTS_COMMENTS, COSTS_SIGNED_OFF_BY, "approve", "sendBack"),
      "Task_SignOffInformation", new Answer(INFORMATION_DECISION, INFORMATION_COMMENTS, INFORMATION_SIGNED_OFF_BY,
          "approve", "sendBack"),
      "Task_SignOffAgreement", new Answer(OVERALL_DECISION, OVERALL_COMMENTS, OVERALL_SIGNED_OFF_BY, "approve",
          "sendBack"),
      "Task_ConfirmAgreement", new Answer(PARTNER_DECISION, PARTNER_COMMENTS, CONFIRMED_BY, "confirm",
          "requestChanges"));

  private final CurrentUser currentUser;

  RecordSignOffListener(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    Answer answer = BY_TASK.get(task.getTaskDefinitionKey());
    if (answer == null) {
      throw new IllegalStateException("No sign-off is known for task " + task.getTaskDefinitionKey());
    }
    String decision = answer.decision().from(task);
    if (decision == null || decision.isBlank()) {
      throw new InvalidInputException(answer.decision().name(), "Choose whether you agree.");
    }
    // the gateways after these tasks know only the two answers the form offers
    InputCheck.choice(answer.decision().name(), "Your answer", decision, answer.approve(), answer.other());
    // comments stay process variables, which hold at most 4000 characters
    String comments = InputCheck.optionalText(answer.comments().name(), "Your comments", answer.comments().from(task),
        4000);
    if (!answer.approve().equals(decision) && comments == null) {
      throw new InvalidInputException(answer.comments().name(),
          "Say what should change: the drafter sees your comments.");
    }
    String user = currentUser.id().orElse(task.getAssignee());
    task.getExecution().setVariable(answer.by().name(), user);
  }
}
