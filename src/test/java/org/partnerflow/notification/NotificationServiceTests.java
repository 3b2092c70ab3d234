package org.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;

import com.icegreen.greenmail.util.GreenMail;

/** The notification service against the real embedded SMTP server. */
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
    assertThat(log.findById("test/once")).get().satisfies(entry -> {
      assertThat(entry.getRecipients()).isEqualTo("pat@partnerflow.example");
      assertThat(entry.getSubject()).startsWith("Not pursued");
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
      assertThat(log.existsById("test/server-down")).isFalse();
    } finally {
      mail.start();
    }

    assertThat(notifications.send(notification)).isTrue();
    assertThat(mail.getReceivedMessages()).hasSize(1);
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
}
