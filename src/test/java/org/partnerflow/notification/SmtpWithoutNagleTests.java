package org.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.Socket;

import jakarta.mail.internet.MimeMessage;

import javax.net.SocketFactory;

import org.junit.jupiter.api.Test;
import org.partnerflow.notification.SmtpWithoutNagle.NoDelaySocketFactory;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The application's SMTP connections go without Nagle's delay: the sender's sockets have {@code
 * TCP_NODELAY}, a mail larger than Jakarta Mail's write buffer arrives whole over them, and a sender
 * that speaks TLS from the start or brings its own socket factory is left as it was configured.
 */
@PartnerflowSpringTest
class SmtpWithoutNagleTests {

  @Autowired
  JavaMailSenderImpl applicationSender;

  @Test
  void theApplicationsMailSenderMakesItsSocketsWithoutNaglesDelay() {
    assertThat(applicationSender.getJavaMailProperties().get(SmtpWithoutNagle.SOCKET_FACTORY))
        .isInstanceOf(NoDelaySocketFactory.class);
  }

  @Test
  void everySocketTheFactoryMakesHasNoDelay() throws Exception {
    SocketFactory factory = new NoDelaySocketFactory();
    try (ServerSocket server = new ServerSocket(0); Socket unconnected = factory.createSocket();
        Socket connected = factory.createSocket("127.0.0.1", server.getLocalPort())) {
      assertThat(unconnected.getTcpNoDelay()).isTrue();
      assertThat(connected.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void aMailLargerThanTheWriteBufferArrivesWhole() throws Exception {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
    try {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(server.getSmtp().getPort());
      sender.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "5000");
      SmtpWithoutNagle.apply(sender);
      String body = "An agreed action is overdue.\n".repeat(1_000); // 29 KB
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom("partnerflow@partnerflow.example");
      helper.setTo("pat@partnerflow.example");
      helper.setSubject("Overdue");
      helper.setText(body);

      sender.send(message);

      assertThat(server.getReceivedMessages()).singleElement()
          .satisfies(received -> assertThat(((String) received.getContent()).replace("\r\n", "\n").strip())
              .isEqualTo(body.strip()));
    } finally {
      server.stop();
    }
  }

  @Test
  void tlsFromTheStartAndAnOwnSocketFactoryAreLeftAlone() {
    JavaMailSenderImpl smtps = new JavaMailSenderImpl();
    smtps.setProtocol("smtps");
    JavaMailSenderImpl sslEnabled = new JavaMailSenderImpl();
    sslEnabled.getJavaMailProperties().setProperty("mail.smtp.ssl.enable", "true");
    JavaMailSenderImpl ownFactory = new JavaMailSenderImpl();
    ownFactory.getJavaMailProperties().setProperty("mail.smtp.socketFactory.class", "com.example.Sockets");

    for (JavaMailSenderImpl sender : new JavaMailSenderImpl[] {smtps, sslEnabled, ownFactory}) {
      SmtpWithoutNagle.apply(sender);
      assertThat(sender.getJavaMailProperties().get(SmtpWithoutNagle.SOCKET_FACTORY)).isNull();
    }
  }
}
