package org.partnerflow.notification;

import java.util.List;
import java.util.Map;

/**
 * One mail to send.
 *
 * @param key unique for this mail: the same key is never sent twice
 * @param template the name of the templates under {@code mail/} (subject, HTML and plain text)
 * @param recipients the addresses it goes to
 * @param model what the templates may show; user text in it is escaped by the templates
 */
public record Notification(String key, String template, List<String> recipients, Map<String, Object> model) {

  public Notification {
    if (key == null || key.isBlank() || key.length() > 255) {
      throw new IllegalArgumentException("A notification needs a key of 1 to 255 characters");
    }
    if (recipients == null || recipients.isEmpty()) {
      throw new IllegalArgumentException("Notification " + key + " has no recipients");
    }
    recipients = List.copyOf(recipients);
    model = Map.copyOf(model);
  }
}
