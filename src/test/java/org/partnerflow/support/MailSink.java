package org.partnerflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server in the test JVM (GreenMail) that nodes in other JVMs send to, on one port for its
 * whole life: it can be stopped, as a mail server that goes down, and started again on the same
 * port. What it received before a stop still counts (GreenMail forgets it on a stop: its mail store
 * is kept here).
 */
public final class MailSink implements AutoCloseable {

  private final int port;
  private final List<Managers> stores = new ArrayList<>();
  private GreenMail running;

  private MailSink(int port) {
    this.port = port;
  }

  /** A mail server on a free port of 127.0.0.1. */
  public static MailSink start() {
    MailSink sink = new MailSink(ClusterNode.PortFinder.free());
    sink.startAgain();
    return sink;
  }

  public int port() {
    return port;
  }

  /** The mail server goes down: connections are refused until {@link #startAgain()}. */
  public synchronized void stop() {
    if (running != null) {
      running.stop();
      running = null;
    }
  }

  public synchronized void startAgain() {
    if (running != null) {
      return;
    }
    ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    smtp.setServerStartupTimeout(10_000);
    GreenMail server = new GreenMail(smtp).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    server.start();
    stores.add(server.getManagers());
    running = server;
  }

  /** Every message received so far (before and after stops) for an address that ends with the suffix. */
  public synchronized List<Received> receivedFor(String addressSuffix) {
    String suffix = addressSuffix.toLowerCase(Locale.ROOT);
    List<Received> received = new ArrayList<>();
    for (Managers store : stores) {
      for (GreenMailUser user : store.getUserManager().listUser()) {
        if (user.getEmail().toLowerCase(Locale.ROOT).endsWith(suffix)) {
          // a copy taken under the folder's lock: nodes keep delivering while the test reads
          for (StoredMessage message : inbox(store, user).getNonDeletedMessages()) {
            received.add(Received.of(message.getMimeMessage()));
          }
        }
      }
    }
    return received;
  }

  /** How many messages the address received so far: cheap, for waiting on thousands of them. */
  public synchronized int countFor(String address) {
    int count = 0;
    for (Managers store : stores) {
      GreenMailUser user = store.getUserManager().getUserByEmail(address);
      if (user != null) {
        count += inbox(store, user).getMessageCount();
      }
    }
    return count;
  }

  private static MailFolder inbox(Managers store, GreenMailUser user) {
    try {
      return store.getImapHostManager().getInbox(user);
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    stop();
  }

  /** What a test needs of a received message. */
  public record Received(String subject, String messageId) {

    static Received of(MimeMessage message) {
      try {
        return new Received(message.getSubject(), message.getMessageID());
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
