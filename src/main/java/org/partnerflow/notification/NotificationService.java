package org.partnerflow.notification;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.partnerflow.notification.MailTemplates.RenderedMail;
import org.partnerflow.system.PartnerflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends every mail Partnerflow writes, each at most once per key. Callers run it from an
 * asynchronous step: when the mail server fails, the exception makes the step retry (and in the end
 * an incident), and because the log entry is committed in its own transaction right after the mail
 * left, a retry of a step that failed later does not send the mail again.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final JavaMailSender mailSender;
  private final MailTemplates templates;
  private final NotificationLog log;
  private final TransactionTemplate ownTransaction;
  private final String from;
  private final Clock clock;

  NotificationService(JavaMailSender mailSender, MailTemplates templates, NotificationLog log,
      PlatformTransactionManager transactionManager, PartnerflowProperties properties, Clock clock) {
    this.mailSender = mailSender;
    this.templates = templates;
    this.log = log;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.from = properties.mail().from();
    this.clock = clock;
  }

  /** Sends the notification unless its key was sent before; says whether it sent. */
  public boolean send(Notification notification) {
    if (Boolean.TRUE.equals(ownTransaction.execute(status -> log.existsById(notification.key())))) {
      LOG.info("Notification {} was sent before; not sending it again", notification.key());
      return false;
    }
    RenderedMail mail = templates.render(notification.template(), notification.model());
    mailSender.send(toMessage(notification, mail));
    ownTransaction.executeWithoutResult(status -> log.save(new NotificationLogEntry(notification.key(),
        notification.template(), String.join(", ", notification.recipients()), mail.subject(),
        Instant.now(clock))));
    LOG.info("Sent notification {} ({}) to {}", notification.key(), notification.template(),
        notification.recipients());
    return true;
  }

  private MimeMessage toMessage(Notification notification, RenderedMail mail) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(notification.recipients().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      message.saveChanges();
      // the same key always gives the same Message-ID, so mail clients can spot a duplicate
      message.setHeader("Message-ID", "<" + UUID.nameUUIDFromBytes(notification.key().getBytes(UTF_8))
          + "@partnerflow>");
      return message;
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not prepare notification " + notification.key(), e);
    }
  }
}
