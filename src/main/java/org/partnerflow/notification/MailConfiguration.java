package org.partnerflow.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;

import org.partnerflow.system.PartnerflowProperties;
import org.partnerflow.system.PartnerflowProperties.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Out of the box, mail goes to an SMTP server inside the application, and anyone can read it with
 * an IMAP client (user name: the e-mail address, any password). With
 * {@code partnerflow.mail.embedded.enabled=false} Spring Boot's {@code spring.mail.*} settings
 * name the real mail server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "partnerflow.mail.embedded.enabled", havingValue = "true")
class MailConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(MailConfiguration.class);

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail embeddedMailServer(PartnerflowProperties properties) {
    EmbeddedServer embedded = properties.mail().embedded();
    ServerSetup smtp = new ServerSetup(portOrFree(embedded.smtpPort()), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    ServerSetup imap = new ServerSetup(portOrFree(embedded.imapPort()), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
    GreenMail server = new EmbeddedMailServer(smtp, imap)
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    LOG.info("Embedded mail server: SMTP on 127.0.0.1:{}, IMAP on 127.0.0.1:{} "
        + "(log in with the e-mail address as user name and any password)", smtp.getPort(), imap.getPort());
    return server;
  }

  /**
   * A {@link JavaMailSenderImpl}, so Spring Boot's mail health check tests the connection to it, with the
   * same Jakarta Mail settings ({@code spring.mail.properties}: timeouts, QUIT) a real mail server gets.
   */
  @Bean
  JavaMailSenderImpl javaMailSender(GreenMail embeddedMailServer, Environment environment) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(embeddedMailServer.getSmtp().getPort());
    Properties javaMail = new Properties();
    javaMail.putAll(Binder.get(environment).bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
        .orElse(Map.of()));
    sender.setJavaMailProperties(javaMail);
    return sender;
  }

  private static int portOrFree(int port) {
    if (port != 0) {
      return port;
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port for the embedded mail server", e);
    }
  }
}
