package org.partnerflow.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.partnerflow.notification.Notification.Attachment;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends a mail from a process step: the templates see every process variable (Json lists as plain
 * lists and maps), {@code businessKey}, {@code baseUrl} and whatever the step adds; the key makes a
 * retried step send nothing twice.
 */
@Component
public class ProcessMail {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotificationService notifications;
  private final NotificationKeys keys;
  private final String baseUrl;

  ProcessMail(NotificationService notifications, NotificationKeys keys, PartnerflowProperties properties) {
    this.notifications = notifications;
    this.keys = keys;
    this.baseUrl = properties.baseUrl();
  }

  public boolean send(DelegateExecution execution, String template, List<String> recipients,
      Map<String, Object> extra) {
    return send(execution, template, recipients, extra, List.of());
  }

  /** The same with files attached: an evidence pack, a calendar invitation ({@link Attachment#calendar}). */
  public boolean send(DelegateExecution execution, String template, List<String> recipients,
      Map<String, Object> extra, List<Attachment> attachments) {
    Map<String, Object> model = new HashMap<>();
    execution.getVariables().forEach((name, value) -> model.put(name, plain(value)));
    model.put("businessKey", execution.getProcessBusinessKey());
    model.put("baseUrl", baseUrl);
    model.putAll(extra);
    model.values().removeIf(value -> value == null);
    return notifications.send(new Notification(keys.of(execution), template, recipients, model, attachments));
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
}
