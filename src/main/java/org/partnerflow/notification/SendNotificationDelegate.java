package org.partnerflow.notification;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The one step that sends mail from a diagram. Its inputs: {@code notificationTemplate} (a template
 * name under {@code mail/}) and {@code notificationTo} (an address, a comma-separated list or a
 * collection). The templates see every process variable plus {@code businessKey} and {@code baseUrl}.
 * Put it on a task with {@code asyncBefore} and a retry cycle.
 */
@Component
class SendNotificationDelegate implements JavaDelegate {

  private final ProcessMail mail;

  SendNotificationDelegate(ProcessMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariableLocal("notificationTemplate");
    if (template == null) {
      throw new IllegalStateException("Step " + execution.getCurrentActivityId() + " has no notificationTemplate");
    }
    mail.send(execution, template, recipients(execution.getVariableLocal("notificationTo")), Map.of());
  }

  private static List<String> recipients(Object to) {
    if (to instanceof Collection<?> addresses) {
      return addresses.stream().map(Object::toString).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }
    if (to == null || to.toString().isBlank()) {
      throw new IllegalStateException("No recipients (notificationTo is empty)");
    }
    return Arrays.stream(to.toString().split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
  }
}
