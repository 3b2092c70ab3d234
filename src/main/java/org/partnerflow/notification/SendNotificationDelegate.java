package org.partnerflow.notification;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one step that sends mail from a diagram. Its inputs: {@code notificationTemplate} (a template
 * name under {@code mail/}) and {@code notificationTo} (an address, a comma-separated list or a
 * collection). The templates see every process variable plus {@code businessKey} and {@code baseUrl}.
 * Put it on a task with {@code asyncBefore} and a retry cycle.
 */
@Component
class SendNotificationDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotificationService notifications;
  private final HistoryService history;
  private final String baseUrl;

  SendNotificationDelegate(NotificationService notifications, HistoryService history,
      PartnerflowProperties properties) {
    this.notifications = notifications;
    this.history = history;
    this.baseUrl = properties.baseUrl();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariableLocal("notificationTemplate");
    if (template == null) {
      throw new IllegalStateException("Step " + execution.getCurrentActivityId() + " has no notificationTemplate");
    }
    Map<String, Object> model = new HashMap<>();
    execution.getVariables().forEach((name, value) -> model.put(name, plain(value)));
    model.put("businessKey", execution.getProcessBusinessKey());
    model.put("baseUrl", baseUrl);
    model.values().removeIf(value -> value == null);
    notifications.send(new Notification(keyOf(execution), template,
        recipients(execution.getVariableLocal("notificationTo")), model));
  }

  /** Json variables (lists from forms) become plain lists and maps that templates can iterate. */
  private static Object plain(Object value) {
    if (value instanceof SpinJsonNode json) {
      try {
        return JSON.readValue(json.toString(), Object.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("A Json variable could not be read", e);
      }
    }
    return value;
  }

  /**
   * Stable across retries of the same step (a failed try leaves no history), new for every later
   * visit of the step in the same execution.
   */
  private String keyOf(DelegateExecution execution) {
    long earlierVisits = history.createHistoricActivityInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .activityId(execution.getCurrentActivityId())
        .executionId(execution.getId())
        .finished()
        .count();
    return execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/" + execution.getId()
        + "/" + earlierVisits;
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
