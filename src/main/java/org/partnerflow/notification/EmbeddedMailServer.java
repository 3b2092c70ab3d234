package org.partnerflow.notification;

import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail, its SMTP server answering without Nagle's delay. GreenMail writes a reply of several
 * lines (the EHLO reply) one line per packet; with Nagle's algorithm on, each line
 * after the first waits until the client acknowledges the one before, and the client delays that
 * acknowledgement by up to 40 ms. Every mail paid it: in the overdue storm benchmark the EHLO reply
 * took 43 ms on average, more than all the rest of sending the mail (docs/benchmarks.md). (GreenMail's
 * IMAP server is final, and reading mail is not a storm.)
 */
class EmbeddedMailServer extends GreenMail {

  private final AtomicInteger smtpConnections = new AtomicInteger();

  EmbeddedMailServer(ServerSetup... setups) {
    super(setups);
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
    Map<String, AbstractServer> services = super.createServices(setups, managers);
    for (ServerSetup setup : setups) {
      AbstractServer server = services.get(setup.getProtocol());
      if (server instanceof SmtpServer) {
        services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
          @Override
          protected void handleClientSocket(Socket client) throws SocketException {
            client.setTcpNoDelay(true);
            smtpConnections.incrementAndGet();
            super.handleClientSocket(client);
          }
        });
      }
    }
    return services;
  }

  /** How many SMTP connections the server has accepted since the application started. */
  int smtpConnectionsAccepted() {
    return smtpConnections.get();
  }
}
