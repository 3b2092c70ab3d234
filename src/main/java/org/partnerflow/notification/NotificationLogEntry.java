package org.partnerflow.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A mail that was handed to the mail server. New entries are inserted without looking for the key
 * first ({@link Persistable}): the sender checked it before sending, and a second entry for one key
 * fails on the primary key instead of overwriting the first.
 */
@Entity
@Table(name = "notification_log")
public class NotificationLogEntry implements Persistable<String> {

  @Id
  private String notificationKey;
  private String template;
  private String recipients;
  private String subject;
  private Instant sentAt;
  @Transient
  private boolean isNew;

  protected NotificationLogEntry() {
  }

  NotificationLogEntry(String notificationKey, String template, String recipients, String subject, Instant sentAt) {
    this.notificationKey = notificationKey;
    this.template = template;
    this.recipients = recipients;
    this.subject = subject;
    this.sentAt = sentAt;
    this.isNew = true;
  }

  @PostLoad
  void loaded() {
    isNew = false;
  }

  @Override
  public String getId() {
    return notificationKey;
  }

  @Override
  public boolean isNew() {
    return isNew;
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
