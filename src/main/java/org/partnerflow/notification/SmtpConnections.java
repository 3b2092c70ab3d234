package org.partnerflow.notification;

import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends mails over SMTP connections that stay open for the next mail of the same thread, instead of
 * one connection per mail. Each new connection costs a TCP handshake, the server's greeting, EHLO (and
 * with a real server STARTTLS and AUTH) and QUIT: in the overdue storm benchmark, where each job thread
 * sends one mail after another, that was most of a mail's time on the wire (docs/benchmarks.md).
 *
 * <p>A connection belongs to one thread at a time (a transport is not thread-safe). One used within the
 * last {@value #TRUST_SECONDS} seconds is used as it is; one idle longer is asked whether it still
 * answers (NOOP) and replaced if not; one idle over {@value #IDLE_SECONDS} seconds, or one a send failed
 * on, is closed. When a send fails on a kept connection (the server restarted, or closed it as idle), it is
 * tried once more on a new one; when it fails on a new one, the exception makes the mail step retry (see
 * {@link NotificationService}). Every connection is closed when the application stops.
 */
@Component
class SmtpConnections implements AutoCloseable {

  static final int TRUST_SECONDS = 5;
  static final int IDLE_SECONDS = 60;
  private static final Logger LOG = LoggerFactory.getLogger(SmtpConnections.class);

  private final JavaMailSender sender;
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<Connection> mine = new ThreadLocal<>();

  SmtpConnections(JavaMailSender sender) {
    this.sender = sender;
  }

  void send(MimeMessage message) throws MailException {
    if (!(sender instanceof JavaMailSenderImpl smtp)) {
      sender.send(message); // another kind of sender keeps its own way
      return;
    }
    prepare(message);
    Connection reused = usable(mine.get());
    if (reused != null) {
      try {
        sendOn(reused, message);
        closeIdle();
        return;
      } catch (MailSendException e) {
        // most likely the server closed it (restarted, or its idle timeout): once more on a new connection
        LOG.debug("Sending on a kept SMTP connection failed ({}); trying a new connection", e.getMessage());
      }
    }
    sendOn(connect(smtp), message);
    closeIdle();
  }

  private void sendOn(Connection connection, MimeMessage message) {
    connection.lock.lock();
    try {
      if (!open.contains(connection)) { // closed as idle by another thread just now
        throw new MailSendException("The SMTP connection was closed as idle");
      }
      connection.transport.sendMessage(message, message.getAllRecipients());
      connection.lastUsed = System.nanoTime();
    } catch (MessagingException | RuntimeException e) {
      close(connection);
      throw e instanceof MailSendException send ? send : new MailSendException("The mail server did not take the mail", e);
    } finally {
      connection.lock.unlock();
    }
  }

  /** What {@link JavaMailSenderImpl} does before it sends: a date, and the headers saved (keeping the Message-ID). */
  private static void prepare(MimeMessage message) {
    try {
      if (message.getSentDate() == null) {
        message.setSentDate(new Date());
      }
      String messageId = message.getMessageID();
      message.saveChanges();
      if (messageId != null) {
        message.setHeader("Message-ID", messageId);
      }
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
  }

  /** This thread's connection if it may be used, else null (and closed). */
  private Connection usable(Connection connection) {
    if (connection == null) {
      return null;
    }
    long idle = System.nanoTime() - connection.lastUsed;
    if (idle < Duration.ofSeconds(TRUST_SECONDS).toNanos()) {
      return connection;
    }
    if (idle < Duration.ofSeconds(IDLE_SECONDS).toNanos() && connection.transport.isConnected()) {
      return connection; // isConnected asked the server (NOOP)
    }
    close(connection);
    return null;
  }

  private Connection connect(JavaMailSenderImpl smtp) {
    try {
      Transport transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
      transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
      Connection connection = new Connection(transport);
      open.add(connection);
      mine.set(connection);
      return connection;
    } catch (jakarta.mail.AuthenticationFailedException e) {
      throw new MailAuthenticationException(e);
    } catch (MessagingException e) {
      throw new MailSendException("Could not connect to the mail server", e);
    }
  }

  /** Closes the connections of other threads that sat idle too long (a thread pool may have ended them). */
  private void closeIdle() {
    long limit = Duration.ofSeconds(IDLE_SECONDS).toNanos();
    for (Connection connection : open) {
      if (System.nanoTime() - connection.lastUsed > limit && connection.lock.tryLock()) {
        try {
          close(connection);
        } finally {
          connection.lock.unlock();
        }
      }
    }
  }

  private void close(Connection connection) {
    open.remove(connection);
    if (mine.get() == connection) {
      mine.remove();
    }
    try {
      connection.transport.close();
    } catch (MessagingException | RuntimeException e) {
      LOG.debug("Closing an SMTP connection failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    open.forEach(this::close);
  }

  private static final class Connection {
    final Transport transport;
    final ReentrantLock lock = new ReentrantLock();
    volatile long lastUsed = System.nanoTime();

    Connection(Transport transport) {
      this.transport = transport;
    }
  }
}
