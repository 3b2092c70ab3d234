package org.partnerflow.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.notification.Notification.Attachment;
import org.partnerflow.review.CalendarInvitations;
import org.partnerflow.review.ReviewMeeting;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;

/** The notification service against the real embedded SMTP server, read back as a mail client would. */
@PartnerflowSpringTest
class NotificationServiceTests {

  @Autowired
  NotificationService notifications;
  @Autowired
  NotificationLog log;
  @Autowired
  GreenMail mail;

  @BeforeEach
  void clearMail() throws Exception {
    mail.purgeEmailFromAllMailboxes();
  }

  @Test
  void aKeyIsSentOnceHoweverOftenItIsAskedFor() {
    Notification notification = declined("test/once", "Riverside Trust", "No budget");

    assertThat(notifications.send(notification)).isTrue();
    assertThat(notifications.send(notification)).isFalse();

    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat(log.find("test/once")).get().satisfies(entry -> {
      assertThat(entry.recipients()).isEqualTo("pat@partnerflow.example");
      assertThat(entry.subject()).startsWith("Not pursued");
    });
  }

  @Test
  void aSecondLogEntryForTheSameKeyIsRefusedNotWrittenOverTheFirst() {
    notifications.send(declined("test/logged-once", "Riverside Trust", "No budget"));
    Instant first = log.find("test/logged-once").orElseThrow().sentAt();

    assertThatThrownBy(() -> log.record(new NotificationLog.Entry("test/logged-once", "other", "x@example.org",
        "Another subject", first.plusSeconds(60)))).isInstanceOf(DataIntegrityViolationException.class);

    assertThat(log.find("test/logged-once")).get().satisfies(entry -> {
      assertThat(entry.subject()).startsWith("Not pursued");
      assertThat(entry.sentAt()).isEqualTo(first);
    });
  }

  @Test
  void userTextIsEscapedInHtmlAndCannotAddMailHeaders() throws Exception {
    notifications.send(declined("test/hostile", "Evil Org\r\nBcc: victim@example.org",
        "<script>alert('x')</script>"));

    MimeMessage message = mail.getReceivedMessages()[0];
    assertThat(message.getSubject()).isEqualTo("Not pursued: a partnership with Evil Org Bcc: victim@example.org (PF-7)");
    assertThat(message.getHeader("Bcc")).isNull();
    assertThat(message.getAllRecipients()).hasSize(1);
    assertThat(part(message, "text/html")).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("<script>");
    assertThat(part(message, "text/plain")).contains("<script>alert('x')</script>");
  }

  @Test
  void whenTheMailServerIsDownSendingFailsAndNothingIsLoggedSoARetrySends() {
    Notification notification = declined("test/server-down", "Riverside Trust", "Later");
    mail.stop();
    try {
      assertThatThrownBy(() -> notifications.send(notification)).isInstanceOf(MailException.class);
      assertThat(log.contains("test/server-down")).isFalse();
    } finally {
      mail.start();
    }

    assertThat(notifications.send(notification)).isTrue();
    assertThat(mail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void mailsSentOneAfterAnotherShareOneSmtpConnection() {
    EmbeddedMailServer server = (EmbeddedMailServer) mail;
    int before = server.smtpConnectionsAccepted();

    for (int i = 0; i < 3; i++) {
      assertThat(notifications.send(declined("test/shared-" + i, "Riverside Trust", "No budget"))).isTrue();
    }

    assertThat(mail.getReceivedMessages()).hasSize(3);
    assertThat(server.smtpConnectionsAccepted() - before).as("new SMTP connections for three mails").isLessThanOrEqualTo(1);
  }

  @Test
  void theEmbeddedMailServerGetsTheSameJakartaMailSettingsAsARealOne(@Autowired JavaMailSenderImpl sender) {
    assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "5000")
        .containsEntry("mail.smtp.timeout", "10000").containsEntry("mail.smtp.quitwait", "false");
  }

  @Test
  void aConnectionTheMailServerDroppedIsReplacedAndTheMailStillGoes() throws Exception {
    assertThat(notifications.send(declined("test/before-restart", "Riverside Trust", "Later"))).isTrue();
    mail.stop(); // drops the connection kept open for the next mail
    mail.start();

    assertThat(notifications.send(declined("test/after-restart", "Hillside Trust", "Later"))).isTrue();

    assertThat(log.contains("test/after-restart")).isTrue();
    assertThat(Arrays.stream(mail.getReceivedMessages()).map(NotificationServiceTests::subject))
        .anyMatch(subject -> subject.contains("Hillside Trust"));
  }

  @Test
  void anInvitationArrivesAsACalendarBodyPartToAnswerAndAsAnIcsFileBesideTheEvidencePack() throws Exception {
    String invitation = new CalendarInvitations().request(new ReviewMeeting("review-PF-7-1@partnerflow", 0,
        Instant.parse("2025-04-15T09:30:00Z"), Duration.ofHours(1), "Review of PF-7", "Figures attached",
        "Riverside House", "Pat Morgan", "pat@partnerflow.example", List.of("lee@riverside.example")),
        Instant.parse("2025-03-01T08:00:00Z"));
    String pack = "<!DOCTYPE html><html lang=\"en\"><h1>Evidence for the review of Riverside Trust</h1></html>";

    assertThat(notifications.send(declined("test/invitation", "Riverside Trust", "Later").withAttachments(
        List.of(Attachment.calendar(invitation), new Attachment("evidence-pack.html", "text/html", pack))))).isTrue();

    MimeMessage message = mail.getReceivedMessages()[0];
    Part calendar = find(message, part -> part.isMimeType("text/calendar"));
    assertThat(new ContentType(calendar.getContentType()).getParameter("method")).isEqualTo("REQUEST");
    assertThat(new ContentType(calendar.getContentType()).getParameter("charset")).isEqualToIgnoringCase("UTF-8");
    assertThat(calendar.getDisposition()).isNull();
    Calendar parsed = new CalendarBuilder().build(calendar.getInputStream());
    assertThat(parsed.getMethod().getValue()).isEqualTo("REQUEST");
    assertThat(parsed.getComponent("VEVENT").orElseThrow().getRequiredProperty("UID").getValue())
        .isEqualTo("review-PF-7-1@partnerflow");
    Part body = find(message, part -> part.isMimeType("multipart/alternative"));
    Multipart alternatives = (Multipart) body.getContent();
    assertThat(alternatives.getCount()).isEqualTo(3);
    assertThat(alternatives.getBodyPart(2).isMimeType("text/calendar")).isTrue();

    Part ics = find(message, part -> "invite.ics".equals(part.getFileName()));
    assertThat(ics.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(new CalendarBuilder().build(ics.getInputStream()).getMethod().getValue()).isEqualTo("REQUEST");
    Part evidence = find(message, part -> "evidence-pack.html".equals(part.getFileName()));
    assertThat(evidence.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(evidence.isMimeType("text/html")).isTrue();
    assertThat(new String(evidence.getInputStream().readAllBytes(), UTF_8)).isEqualTo(pack);
  }

  @Test
  void aRetriedMailWithAttachmentsIsNotSentAgain() {
    Notification notification = declined("test/attachments-once", "Riverside Trust", "Later")
        .withAttachments(List.of(new Attachment("evidence-pack.html", "text/html", "<p>Figures</p>")));

    assertThat(notifications.send(notification)).isTrue();
    assertThat(notifications.send(notification)).isFalse();

    assertThat(mail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aCalendarWithoutMethodOrTwoCalendarsInOneMailAreRefused() {
    assertThatThrownBy(() -> Attachment.calendar("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no METHOD");
    Attachment calendar = Attachment.calendar("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n");
    Notification declined = declined("test/two", "Riverside Trust", "Later");
    assertThatThrownBy(() -> declined.withAttachments(List.of(calendar, calendar)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one calendar");
  }

  /** The first part, however deep it is nested, that matches; fails the test when there is none. */
  static Part find(Part message, PartMatcher matcher) throws Exception {
    Part found = search(message, matcher);
    assertThat(found).as("a matching part of the message").isNotNull();
    return found;
  }

  private static Part search(Part part, PartMatcher matcher) throws Exception {
    if (matcher.matches(part)) {
      return part;
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        Part found = search(multipart.getBodyPart(i), matcher);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  interface PartMatcher {
    boolean matches(Part part) throws Exception;
  }

  /** The body of the first part of the given type, however deep it is nested. */
  static String part(Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Notification declined(String key, String organisation, String reason) {
    return new Notification(key, "proposal-declined", List.of("pat@partnerflow.example"), Map.of(
        "organisationName", organisation, "businessKey", "PF-7", "decidedByName", "Sam Okafor",
        "decisionReason", reason, "recommendationRationale", "Both would gain", "baseUrl", "http://localhost:8080"));
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
