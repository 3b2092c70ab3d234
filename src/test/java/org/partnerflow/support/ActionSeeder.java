package org.partnerflow.support;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.partnerflow.PartnerflowApplication;
import org.partnerflow.register.Partnership;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fills a cluster's database from the test JVM: the application on the same database with no job
 * executor and no web server (its own engine name, so it never meets another engine of the JVM).
 * It makes running partnerships the way people do ({@link Journey}), then inserts many actions into
 * a partnership's register and starts an {@code agreedAction} for each, in parallel. While seeding,
 * the timers of {@code agreedAction} are held (their job definitions suspended, so new timer jobs
 * are created suspended and no node acquires them); {@link #releaseTimers()} lets them all fall
 * due in one moment.
 */
public final class ActionSeeder implements AutoCloseable {

  private static final String PROCESS = "agreedAction";

  private final ConfigurableApplicationContext context;
  private final ProcessEngine engine;
  private final DataSource dataSource;

  private ActionSeeder(ConfigurableApplicationContext context) {
    this.context = context;
    this.engine = context.getBean(ProcessEngine.class);
    this.dataSource = context.getBean(DataSource.class);
  }

  /**
   * The application on the database (creating the register's tables, the deployment and the demo
   * users if it is the first), sending its mail to 127.0.0.1:smtpPort.
   */
  public static ActionSeeder start(ClusterDatabase database, int smtpPort) {
    Map<String, String> properties = Map.ofEntries(
        Map.entry("spring.datasource.url", database.url()),
        Map.entry("spring.datasource.username", database.user()),
        Map.entry("spring.datasource.password", ""),
        Map.entry("spring.datasource.hikari.maximum-pool-size", "8"),
        Map.entry("camunda.bpm.process-engine-name", "seeder"),
        Map.entry("camunda.bpm.database.schema-update", "false"),
        Map.entry("camunda.bpm.job-execution.enabled", "false"),
        Map.entry("camunda.bpm.generic-properties.properties.hostname", "seeder"),
        Map.entry("partnerflow.mail.embedded.enabled", "false"),
        Map.entry("spring.mail.host", "127.0.0.1"),
        Map.entry("spring.mail.port", Integer.toString(smtpPort)),
        Map.entry("spring.main.banner-mode", "off"),
        // no web server, so not the REST API either (it would want Jersey's servlet path)
        Map.entry("spring.autoconfigure.exclude",
            "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"));
    // as command-line arguments, so they win over application.yaml
    ConfigurableApplicationContext context = new SpringApplicationBuilder(PartnerflowApplication.class)
        .profiles("demo", "postgres").web(WebApplicationType.NONE)
        .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    return new ActionSeeder(context);
  }

  public ProcessEngine engine() {
    return engine;
  }

  /** A partnership through proposal, approval and a confirmed agreement; its reference (PF-n). */
  public String runningPartnership(String organisation, String partnerUserId) {
    return new Journey(engine).runningPartnership(organisation, partnerUserId).getBusinessKey();
  }

  /** From now on, timers of agreedAction are created suspended, so no node takes them. */
  public void holdTimers() {
    for (JobDefinition timer : timerJobDefinitions()) {
      engine.getManagementService().updateJobDefinitionSuspensionState().byJobDefinitionId(timer.getId())
          .includeJobs(false).suspend();
    }
  }

  /** Every held timer of agreedAction at once: those that are due fall due now. Returns the moment. */
  public Instant releaseTimers() {
    Instant now = Instant.now();
    for (JobDefinition timer : timerJobDefinitions()) {
      engine.getManagementService().updateJobDefinitionSuspensionState().byJobDefinitionId(timer.getId())
          .includeJobs(true).activate();
    }
    return now;
  }

  private List<JobDefinition> timerJobDefinitions() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS)
        .latestVersion().singleResult().getId();
    return engine.getManagementService().createJobDefinitionQuery().processDefinitionId(definition).list().stream()
        .filter(job -> job.getJobType().startsWith("timer")).toList();
  }

  /**
   * Inserts {@code count} open actions of ours into the partnership's register, titled
   * {@code PREFIX-00001} and on, due on {@code due}, all for one responsible address, and starts an
   * agreedAction for each on {@code threads} threads. With {@code engineTime}, the engine clock of
   * this JVM reads that moment while they start (the timers' dates are computed from it: an overdue
   * cycle whose start lies before the clock begins at its next repetition). Returns the titles.
   */
  public List<String> seedActions(String reference, String prefix, int count, LocalDate due, String responsible,
      Instant engineTime, int threads) {
    List<Long> ids = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    long partnership = Partnership.idOf(reference);
    String insert = "insert into action_record (partnership_id, agreement_version, position, title, owner, "
        + "responsible_email, agreed_due_date, due_date, status) "
        + "select ?, v.version, v.position + g, ? || lpad(g::text, 5, '0'), 'OURS', ?, ?, ?, 'OPEN' "
        + "from generate_series(1, ?) g, (select max(agreement_version) as version, max(position) as position "
        + "from action_record where partnership_id = ?) v returning id, title";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(insert)) {
      statement.setLong(1, partnership);
      statement.setString(2, prefix + "-");
      statement.setString(3, responsible);
      statement.setDate(4, Date.valueOf(due));
      statement.setDate(5, Date.valueOf(due));
      statement.setInt(6, count);
      statement.setLong(7, partnership);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
          titles.add(rows.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not insert the actions: " + e.getMessage(), e);
    }
    if (engineTime != null) {
      ClockUtil.setCurrentTime(java.util.Date.from(engineTime));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> starts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<Long> slice = new ArrayList<>();
        for (int i = t; i < ids.size(); i += threads) {
          slice.add(ids.get(i));
        }
        starts.add(pool.submit(() -> slice.forEach(id -> engine.getRuntimeService()
            .createProcessInstanceByKey(PROCESS).businessKey(reference).setVariable("actionId", id).execute())));
      }
      for (Future<?> start : starts) {
        start.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the actions: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
      if (engineTime != null) {
        ClockUtil.reset();
      }
    }
    return Collections.unmodifiableList(titles);
  }

  @Override
  public void close() {
    context.close();
  }
}
