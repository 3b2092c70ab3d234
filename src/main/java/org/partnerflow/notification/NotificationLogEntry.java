package org.partnerflow.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mail that was handed to the mail server. */
@Entity
@Table(name = "notification_log")
public class NotificationLogEntry {

  @Id
  private String notificationKey;
  private String template;
  private String recipients;
  private String subject;
  private Instant sentAt;

  protected NotificationLogEntry() {
  }

  NotificationLogEntry(String notificationKey, String template, String recipients, String subject, Instant sentAt) {
    this.notificationKey = notificationKey;
    this.template = template;
    this.recipients = recipients;
    this.subject = subject;
    this.sentAt = sentAt;
  }

  public String getNotificationKey() {
    return notificationKey;
  }

  public String getTemplate() {
    return template;
  }

  public String getRecipients() {
    return recipients;
  }

  public String getSubject() {
    return subject;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
