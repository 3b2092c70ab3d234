package org.partnerflow.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Partnerflow nodes on one machine as a cluster: one PostgreSQL database made from Camunda's scripts
 * ({@link ClusterDatabase}), a mail server in this JVM ({@link MailSink}), the seeding application
 * in this JVM ({@link ActionSeeder}) and any number of node JVMs ({@link ClusterNode}) with their
 * job executors. Node settings for tests, on top of the {@code postgres} profile: a short lock time
 * (20 s) so the jobs a dead node locked are taken over soon, a short retry cycle (R10/PT15S) so a
 * mail server that is back is used soon, idle nodes looking for due jobs at least every 2 s, 8 job
 * threads from the start.
 */
public final class LocalCluster implements AutoCloseable {

  public static final int JOB_THREADS = 8;

  private final MailSink mail;
  private final ClusterDatabase database;
  private final ActionSeeder seeder;
  private final List<ClusterNode> nodes = new ArrayList<>();

  private LocalCluster(MailSink mail, ClusterDatabase database, ActionSeeder seeder) {
    this.mail = mail;
    this.database = database;
    this.seeder = seeder;
  }

  /** The database, the mail server and the seeding application; no node yet. */
  public static LocalCluster create(String purpose) {
    MailSink mail = MailSink.start();
    try {
      ClusterDatabase database = ClusterDatabase.create(purpose);
      return new LocalCluster(mail, database, ActionSeeder.start(database, mail.port()));
    } catch (RuntimeException e) {
      mail.close();
      throw e;
    }
  }

  public MailSink mail() {
    return mail;
  }

  public ClusterDatabase database() {
    return database;
  }

  public ActionSeeder seeder() {
    return seeder;
  }

  public List<ClusterNode> nodes() {
    return List.copyOf(nodes);
  }

  /** Starts a node with the test settings (and any further ones) and waits until its job executor runs. */
  public ClusterNode startNode(String name, Consumer<ClusterNode.Builder> settings) {
    return startProductionNode(name, builder -> {
      // only the quick compiler: a test node lives a few minutes, and the optimising compiler's work competed with
      // the nodes themselves for the build's two cores (the 2,000-action storm: 117 s with it, 85 s without)
      builder.jvmOption("-XX:TieredStopAtLevel=1");
      builder.property("camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle", "R10/PT15S")
          .property("camunda.bpm.job-execution.core-pool-size", JOB_THREADS)
          .property("camunda.bpm.job-execution.max-pool-size", JOB_THREADS)
          .property("camunda.bpm.job-execution.lock-time-in-millis", 20_000)
          .property("camunda.bpm.job-execution.wait-time-in-millis", 1000)
          .property("camunda.bpm.job-execution.max-wait", 2000)
          .property("spring.datasource.hikari.connection-timeout", 5000);
      settings.accept(builder);
    });
  }

  /**
   * Starts a node with the settings of the {@code postgres} profile as shipped (and any further ones),
   * on the database made from Camunda's scripts, and waits until its job executor runs.
   */
  public ClusterNode startProductionNode(String name, Consumer<ClusterNode.Builder> settings) {
    ClusterNode.Builder builder = ClusterNode.builder(name, database.url(), database.user(), mail.port())
        .property("camunda.bpm.database.schema-update", false);
    settings.accept(builder);
    ClusterNode node = builder.build().start(Duration.ofMinutes(3));
    nodes.add(node);
    return node;
  }

  public ClusterNode startNode(String name) {
    return startNode(name, builder -> { });
  }

  /**
   * Waits until the agreedAction instances of the partnership have nothing left to do now: no
   * mail step waiting or retrying, no timer due before the given moment (the next overdue notice,
   * a week on, and the follow-up stay).
   */
  public void awaitSettled(String reference, Instant timersBefore, Duration timeout) {
    ActionMails.await(() -> pendingJobs(reference, timersBefore) == 0, timeout,
        () -> pendingJobs(reference, timersBefore) + " jobs of " + reference + " still to do");
  }

  public long pendingJobs(String reference, Instant timersBefore) {
    return database.count("select count(*) from act_ru_job j join act_ru_execution p on p.id_ = j.process_instance_id_ "
        + "where p.business_key_ = ? and j.process_def_key_ = 'agreedAction' and (j.handler_type_ = 'async-continuation' "
        + "or (j.handler_type_ like 'timer%' and j.duedate_ < ?))", reference, Timestamp.from(timersBefore));
  }

  /**
   * Jobs of the partnership's processes that failed and are still there: a failure uses up one of a
   * job's retries and leaves its exception on it (a job starts with as many retries as the retry
   * cycle in force says, so the number alone does not tell). By kind, retries left and message.
   */
  public java.util.Map<String, Long> jobsThatFailed(String reference) {
    return database.counts("select j.handler_type_ || ' retries ' || j.retries_ || coalesce(' ' || j.exception_msg_, ''), "
        + "count(*) from act_ru_job j join act_ru_execution p on p.id_ = j.process_instance_id_ "
        + "where p.business_key_ = ? and (j.exception_msg_ is not null or j.exception_stack_id_ is not null "
        + "or j.retries_ = 0) group by 1", reference);
  }

  /** How often a job of the partnership's processes failed (the job log keeps every failure). */
  public long jobFailures(String reference) {
    return database.count("select count(*) from act_hi_job_log j join act_hi_procinst p on p.proc_inst_id_ = "
        + "j.process_instance_id_ where p.business_key_ = ? and j.job_state_ = 1", reference);
  }

  public long incidents() {
    return database.count("select count(*) from act_ru_incident");
  }

  @Override
  public void close() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).stop();
    }
    seeder.close();
    mail.close();
  }
}
