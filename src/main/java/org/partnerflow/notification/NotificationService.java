package org.partnerflow.notification;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.partnerflow.notification.MailTemplates.RenderedMail;
import org.partnerflow.notification.Notification.Attachment;
import org.partnerflow.system.PartnerflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends every mail Partnerflow writes, each at most once per key, with its attachments (a calendar
 * both as a body part that mail clients offer to accept or decline, and as a file). Callers run it from an
 * asynchronous step: when the mail server fails, the exception makes the step retry (and in the end
 * an incident), and because the log entry ({@link NotificationLog}) is committed on its own right after
 * the mail left, a retry of a step that failed later does not send the mail again.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  static {
    // Jakarta Mail looks its stream provider up with a ServiceLoader, scanning the classpath, for every
    // body part it makes unless this property names it: a quarter of a mail's CPU time in the overdue
    // storm benchmark (docs/benchmarks.md). Named only when Angus Mail, the implementation we ship, is there.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      try {
        Class.forName(ANGUS_STREAM_PROVIDER, false, NotificationService.class.getClassLoader());
        System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
      } catch (ClassNotFoundException e) {
        // another Jakarta Mail implementation: it finds its own provider
      }
    }
  }

  private final JavaMailSender mailSender;
  private final SmtpConnections connections;
  private final MailTemplates templates;
  private final NotificationLog log;
  private final String from;
  private final Clock clock;
  private final MeterRegistry meters;

  NotificationService(JavaMailSender mailSender, SmtpConnections connections, MailTemplates templates,
      NotificationLog log, PartnerflowProperties properties, Clock clock, MeterRegistry meters) {
    this.mailSender = mailSender;
    this.connections = connections;
    this.templates = templates;
    this.log = log;
    this.from = properties.mail().from();
    this.clock = clock;
    this.meters = meters;
  }

  /** Sends the notification unless its key was sent before; says whether it sent. */
  public boolean send(Notification notification) {
    // read in the caller's transaction (the step's job): committed entries are what counts
    if (log.contains(notification.key())) {
      LOG.info("Notification {} was sent before; not sending it again", notification.key());
      return false;
    }
    RenderedMail mail = templates.render(notification.template(), notification.model());
    try {
      connections.send(toMessage(notification, mail));
    } catch (MailException e) {
      counter("partnerflow.mails.failed", "Mails the mail server did not take (the step retries)", notification)
          .increment();
      throw e;
    }
    counter("partnerflow.mails.sent", "Mails handed to the mail server", notification).increment();
    log.record(new NotificationLog.Entry(notification.key(), notification.template(),
        String.join(", ", notification.recipients()), mail.subject(), Instant.now(clock)));
    LOG.info("Sent notification {} ({}) to {}", notification.key(), notification.template(),
        notification.recipients());
    return true;
  }

  private Counter counter(String name, String description, Notification notification) {
    return Counter.builder(name).description(description).tag("template", notification.template())
        .register(meters);
  }

  private MimeMessage toMessage(Notification notification, RenderedMail mail) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
      helper.setFrom(from);
      helper.setTo(notification.recipients().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.getMimeMultipart().addBodyPart(body(notification, mail));
      for (Attachment attachment : notification.attachments()) {
        // a calendar goes as application/ics too, so no client takes the file for a second invitation
        String type = attachment.isCalendar() ? "application/ics" : withCharset(attachment.contentType());
        byte[] content = attachment.content().getBytes(UTF_8);
        helper.addAttachment(attachment.fileName(), new ByteArrayDataSource(content, type));
      }
      message.saveChanges();
      // the same key always gives the same Message-ID, so mail clients can spot a duplicate
      message.setHeader("Message-ID", "<" + UUID.nameUUIDFromBytes(notification.key().getBytes(UTF_8))
          + "@partnerflow>");
      return message;
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not prepare notification " + notification.key(), e);
    }
  }

  /**
   * The text itself, as plain text, HTML and, for an invitation, the calendar (RFC 6047): alternatives
   * of one another, so a mail client shows the best it can, with accept and decline for a calendar.
   */
  private static MimeBodyPart body(Notification notification, RenderedMail mail) throws MessagingException {
    MimeMultipart alternatives = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), "UTF-8", "plain");
    alternatives.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), "UTF-8", "html");
    alternatives.addBodyPart(html);
    for (Attachment calendar : notification.attachments().stream().filter(Attachment::isCalendar).toList()) {
      MimeBodyPart part = new MimeBodyPart();
      part.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar.content().getBytes(UTF_8),
          "text/calendar; method=" + calendar.calendarMethod() + "; charset=UTF-8")));
      alternatives.addBodyPart(part);
    }
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternatives);
    return body;
  }

  private static String withCharset(String contentType) {
    return contentType.startsWith("text/") ? contentType + "; charset=UTF-8" : contentType;
  }
}
