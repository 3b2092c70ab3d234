package org.partnerflow.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;

import javax.net.SocketFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the application's SMTP connections {@code TCP_NODELAY}: Jakarta Mail's own sockets keep Nagle's
 * algorithm on, and a mail larger than its 8 KB write buffer then waited for the server's delayed
 * acknowledgement before its last packet left: about 45 ms a mail on this machine, against 2 to 7 ms
 * without (most of our mails with HTML, a calendar or an attachment are larger; docs/benchmarks.md, 18).
 *
 * <p>Set as Jakarta Mail's {@code mail.smtp.socketFactory} on every {@link JavaMailSenderImpl} (the
 * embedded mail server's and Spring Boot's for a real server), for plain SMTP and STARTTLS, whose TLS
 * runs over that socket. Left alone: a sender with a socket factory of its own, and SMTP over TLS from the
 * start ({@code smtps}, {@code mail.smtp.ssl.enable}), where Jakarta Mail would take this factory for
 * its TLS socket.
 */
@Component
class SmtpWithoutNagle implements BeanPostProcessor {

  static final String SOCKET_FACTORY = "mail.smtp.socketFactory";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof JavaMailSenderImpl sender) {
      apply(sender);
    }
    return bean;
  }

  static void apply(JavaMailSenderImpl sender) {
    Properties properties = sender.getJavaMailProperties();
    boolean tlsFromTheStart = "smtps".equalsIgnoreCase(sender.getProtocol())
        || Boolean.parseBoolean(properties.getProperty("mail.smtp.ssl.enable"));
    boolean ownFactory = properties.get(SOCKET_FACTORY) != null
        || properties.getProperty(SOCKET_FACTORY + ".class") != null;
    if (!tlsFromTheStart && !ownFactory) {
      // an object, so put, not setProperty (Jakarta Mail reads it with Properties.get)
      properties.put(SOCKET_FACTORY, new NoDelaySocketFactory());
    }
  }

  /** Plain sockets with {@code TCP_NODELAY}; Jakarta Mail connects the unconnected one with its timeout. */
  static final class NoDelaySocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
