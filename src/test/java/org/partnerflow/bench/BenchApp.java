package org.partnerflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.partnerflow.PartnerflowApplication;
import org.partnerflow.support.PostgresServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The whole application as it runs in production (demo profile: demo users, embedded mail server),
 * started inside the benchmark's JVM on a database of its own: a fresh H2 file database in a temporary
 * folder (the application's default kind) or a new PostgreSQL database ({@link PostgresServer}) with
 * the {@code postgres} profile, as production runs on it.
 * Not the test profile: the job executor is on unless a benchmark says otherwise. The application's
 * log goes to {@code target/bench-logs/}, at the application's levels, instead of the console.
 */
final class BenchApp implements AutoCloseable {

  enum Database {
    H2, POSTGRES;

    String label() {
      return this == H2 ? "H2" : "PostgreSQL";
    }
  }

  private static final AtomicInteger RUN = new AtomicInteger();

  final Database database;
  final ConfigurableApplicationContext context;
  final ProcessEngine engine;
  private final Path folder;

  private BenchApp(Database database, ConfigurableApplicationContext context, Path folder) {
    this.database = database;
    this.context = context;
    this.engine = context.getBean(ProcessEngine.class);
    this.folder = folder;
  }

  /** Starts the application; {@code extra} are more {@code name=value} properties. */
  static BenchApp start(Database database, String name, boolean jobExecutor, String... extra) {
    Path folder;
    try {
      folder = Files.createTempDirectory("partnerflow-bench-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String run = name + "-" + database.name().toLowerCase(Locale.ROOT) + "-" + RUN.incrementAndGet();
    List<String> properties = new ArrayList<>();
    if (database == Database.H2) {
      properties.add("spring.datasource.url=jdbc:h2:file:" + folder.resolve("partnerflow") + ";DB_CLOSE_ON_EXIT=FALSE");
    } else {
      PostgresServer server = PostgresServer.get();
      properties.add("spring.datasource.url=" + server.newDatabase("bench_" + name));
      properties.add("spring.datasource.username=" + server.user());
      properties.add("spring.datasource.password=");
    }
    properties.addAll(List.of(
        "camunda.bpm.job-execution.enabled=" + jobExecutor,
        "server.port=0",
        "partnerflow.mail.embedded.smtp-port=0",
        "partnerflow.mail.embedded.imap-port=0",
        "logging.file.name=target/bench-logs/" + run + ".log",
        "logging.pattern.console="));
    properties.addAll(List.of(extra));
    // -Dbench.app.properties=name=value;name=value: to measure a setting against the application's own
    for (String property : System.getProperty("bench.app.properties", "").split(";")) {
      if (!property.isBlank()) {
        properties.add(property.strip());
      }
    }
    // as command-line arguments, so they win over application.yaml
    ConfigurableApplicationContext context = new SpringApplicationBuilder(PartnerflowApplication.class)
        .profiles(database == Database.POSTGRES ? new String[] {"demo", "postgres"} : new String[] {"demo"}).run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    return new BenchApp(database, context, folder);
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  GreenMail mail() {
    return context.getBean(GreenMail.class);
  }

  DataSource dataSource() {
    return context.getBean(DataSource.class);
  }

  /**
   * Gathers the query planner's statistics (`ANALYZE`, on H2 and PostgreSQL) after a benchmark copied rows
   * in bulk. A database that grew to this size by use has them: PostgreSQL's autovacuum and H2 gather
   * them as tables change. The PostgreSQL server of the development machines and CI runs without
   * autovacuum, so without this the planner sees empty tables: in the storm, a lookup of an execution's
   * variables intersected an index of 150,000 rows (30 ms instead of 0.1 ms), job acquisition took 180 ms
   * a round, and the 10,000 overdue notices took 348 s instead of 224 s.
   */
  void analyze() {
    try (java.sql.Connection connection = dataSource().getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("ANALYZE failed", e);
    }
  }

  ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  JobExecutor jobExecutor() {
    return configuration().getJobExecutor();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    try {
      if (jobExecutor().isActive()) {
        jobExecutor().shutdown();
      }
    } finally {
      context.close();
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary folder left behind
      }
    }
  }
}
