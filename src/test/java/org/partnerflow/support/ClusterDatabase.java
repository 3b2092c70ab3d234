package org.partnerflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one PostgreSQL database several nodes share, made as docs/operations.md tells an operator to:
 * an empty database, then Camunda's schema from the SQL scripts in the camunda-engine jar (the
 * nodes start with {@code camunda.bpm.database.schema-update=false}); Flyway makes the register's
 * tables when the first application starts. Also reads the database directly, and can close it to
 * every connection for a while, as a database fail-over would.
 */
public final class ClusterDatabase {

  /** The scripts in the order the engine itself runs them ({@code AbstractPersistenceSession.dbSchemaCreate}). */
  public static final List<String> CAMUNDA_SCRIPTS = List.of("engine", "history", "identity", "case.engine",
      "case.history", "decision.engine", "decision.history").stream()
      .map(component -> "org/camunda/bpm/engine/db/create/activiti.postgres.create." + component + ".sql").toList();

  private final PostgresServer server;
  private final String url;
  private final String name;

  private ClusterDatabase(PostgresServer server, String url) {
    this.server = server;
    this.url = url;
    this.name = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
  }

  /** A new database with Camunda's schema from its scripts (dropped when the JVM ends). */
  public static ClusterDatabase create(String purpose) {
    PostgresServer server = PostgresServer.get();
    ClusterDatabase database = new ClusterDatabase(server, server.newDatabase(purpose));
    database.runCamundaScripts();
    return database;
  }

  public String url() {
    return url;
  }

  public String user() {
    return server.user();
  }

  public String name() {
    return name;
  }

  public Connection connection() throws SQLException {
    return DriverManager.getConnection(url, server.user(), "");
  }

  private void runCamundaScripts() {
    try (Connection connection = connection(); Statement statement = connection.createStatement()) {
      for (String script : CAMUNDA_SCRIPTS) {
        for (String sql : statements(resource(script))) {
          statement.execute(sql);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Camunda's SQL scripts failed on " + name + ": " + e.getMessage(), e);
    }
  }

  private static String resource(String path) {
    try (InputStream in = ClusterDatabase.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not in the camunda-engine jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statements of a script: comment lines dropped, split at semicolons. */
  static List<String> statements(String script) {
    StringBuilder withoutComments = new StringBuilder();
    script.lines().filter(line -> !line.strip().startsWith("--"))
        .forEach(line -> withoutComments.append(line).append('\n'));
    List<String> statements = new ArrayList<>();
    for (String sql : withoutComments.toString().split(";")) {
      if (!sql.isBlank()) {
        statements.add(sql.strip());
      }
    }
    return statements;
  }

  /** The single number a query returns. */
  public long count(String sql, Object... parameters) {
    try (Connection connection = connection(); PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** A query's rows as (first column as text, second as number), in order. */
  public Map<String, Long> counts(String sql, Object... parameters) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = connection(); PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        counts.put(result.getString(1), result.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** How many jobs of the processes with this business key each node completed, by engine hostname. */
  public Map<String, Long> successfulJobsByNode(String businessKey) {
    return counts("select j.hostname_, count(*) from act_hi_job_log j join act_hi_procinst p "
        + "on p.proc_inst_id_ = j.process_instance_id_ where p.business_key_ = ? and j.job_state_ = 2 "
        + "group by j.hostname_ order by j.hostname_", businessKey);
  }

  /**
   * Closes the database to every connection: new ones are refused and the open ones (the nodes'
   * pools) are ended, as when a database server fails over.
   */
  public void refuseConnections() {
    try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement()) {
      statement.execute("alter database " + name + " with allow_connections false");
      statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name
          + "' and pid <> pg_backend_pid()");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not close " + name + ": " + e.getMessage(), e);
    }
  }

  public void allowConnections() {
    try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement()) {
      statement.execute("alter database " + name + " with allow_connections true");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not open " + name + ": " + e.getMessage(), e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
