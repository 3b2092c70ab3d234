package org.partnerflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.Journey;

/**
 * 10,000 agreed actions fall due at once: the time from the moment the clock passes their due date
 * (and the job executor starts) until the last overdue notice is in the embedded mail server, against
 * a bare process (a user task whose non-interrupting timer leads to an asynchronous no-op service task)
 * with as many instances. Both with the job executor as the application configures it, on H2 and on
 * PostgreSQL. Prints and records the figures; asserts nothing about time.
 *
 * <p>The actions start real: two partnerships driven through {@link Journey#runningPartnership} with 100
 * agreed actions each (the agreement form's maximum), each a row of the register's {@code action_record}
 * that {@code OpenActionDelegate} and {@code ActionSchedule} turned into an {@code agreedAction} waiting
 * in its task with its timers. All are ours, due on the same day, for a responsible person without an
 * account. Those 200 instances are then copied in the database ({@link InstanceCopier}) up to the size
 * (starting 10,000 through the journey takes longer than the whole benchmark may); the baseline's 200
 * are started through the engine and copied the same way. The reminders (three days before) are not
 * part of the storm: their timer jobs are deleted before the clock moves, as if they had gone out three
 * days earlier. (They used to be suspended; suspended, they stayed in job acquisition's way, which walks
 * the timers oldest first: docs/benchmarks.md, 16.)
 */
class OverdueStormBenchmark {

  static final String TITLE = "Overdue storm against a bare process";
  private static final int ACTIONS_PER_PARTNERSHIP = 100;
  /** Partnerships made through the journey; their actions are then copied up to the size wanted. */
  private static final int REAL_PARTNERSHIPS = 2;
  private static final String RESPONSIBLE = "storm.owner@partnerflow.example";
  private static final Duration LIMIT = Duration.ofMinutes(15);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void overdueStorm() throws Exception {
    int actions = Bench.size(10_000, 1_000);
    String loadAtStart = Bench.load();
    List<String> rows = new ArrayList<>();
    for (BenchApp.Database database : Bench.databases()) {
      Run ours = ours(database, actions);
      Run baseline = baseline(database, actions);
      double ratio = (double) baseline.nanos / ours.nanos;
      String row = String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | ≥ 0.50: %s | %s / %s | %s / %s |",
          database.label(), actions, Bench.seconds(ours.nanos), Bench.seconds(baseline.nanos), Bench.ratio(ratio),
          Bench.verdict(ratio >= 0.5), ours.load, baseline.load, Bench.seconds(ours.setupNanos),
          Bench.seconds(baseline.setupNanos));
      rows.add(row);
      System.out.println("STORM " + row + (ours.note.isEmpty() ? "" : " " + ours.note));
      rows.addAll(List.of(ours.note, baseline.note).stream().filter(note -> !note.isEmpty())
          .map(note -> "| | | " + note + " | | | | | |").toList());
    }
    Bench.writeSection(TITLE, Bench.header(loadAtStart) + """

        %,d agreed actions fall due at once: 200 made through the real journey (two partnerships of 100
        actions: register rows opened by `OpenActionDelegate`, each an `agreedAction` waiting in its task with
        its timers), copied in the database (every runtime and history row, ids made unique) up to the size;
        the reminders' timer jobs are deleted (as if sent three days before), so only the overdue notices fall due. The clock moves past
        their due date and the job executor starts (the application's settings). After copying, `ANALYZE`
        (the server here runs without autovacuum, which would otherwise have gathered the statistics).
        *Ours*: until the last overdue notice is in the embedded mail server (timer, the next cycle timer,
        an asynchronous step that renders the mail, checks and writes the notification log and sends it
        over SMTP). *Baseline*: a bare process deployed by the benchmark, a
        user task whose non-interrupting timer leads to an asynchronous no-op service task, as many
        instances, until the last no-op ran. Ratio: baseline time / our time (target ≥ 0.5). Load: the
        1/5/15-minute load average when each run started. Set-up (not timed in the figure): making the
        partnerships and actions, or starting the bare instances.

        | database | actions | ours | baseline | ratio | target | load at start (ours / baseline) | set-up (ours / baseline) |
        |---|---:|---:|---:|---:|---|---|---|
        %s
        """.formatted(actions, String.join("\n", rows)));
  }

  private Run ours(BenchApp.Database database, int actions) throws Exception {
    ClockUtil.reset(); // the run before left the clock past its due dates
    try (BenchApp app = BenchApp.start(database, "storm", true)) {
      app.jobExecutor().shutdown(); // the set-up runs its own jobs, as the tests do
      long setupStart = System.nanoTime();
      LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(10);
      Journey journey = new Journey(app.engine);
      inParallel(REAL_PARTNERSHIPS, p -> {
        Map<String, Object> draft = Journey.draftAgreement();
        draft.put("actions", Journey.jsonList(actionsJson(p, due)));
        journey.runningPartnership("Storm Trust " + p, "storm" + p, draft);
      });
      runDueJobs(app.engine.getManagementService());
      copyUpTo(app, "agreedAction", actions);
      long opened = app.engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agreedAction")
          .active().count();
      JobDefinition reminders = app.engine.getManagementService().createJobDefinitionQuery()
          .processDefinitionKey("agreedAction").activityIdIn("BoundaryEvent_ReminderDue").singleResult();
      try (java.sql.Connection connection = app.dataSource().getConnection();
          java.sql.PreparedStatement delete = connection.prepareStatement("DELETE FROM ACT_RU_JOB WHERE JOB_DEF_ID_ = ?")) {
        delete.setString(1, reminders.getId());
        delete.executeUpdate();
      }
      long setup = System.nanoTime() - setupStart;

      int before = app.mail().getReceivedMessages().length;
      queryStatistics(app, null);
      ClockUtil.setCurrentTime(Date.from(due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60)));
      String load = Bench.load();
      long start = System.nanoTime();
      app.jobExecutor().start();
      boolean done = waitFor(() -> app.mail().getReceivedMessages().length - before, actions);
      long nanos = System.nanoTime() - start;
      app.jobExecutor().shutdown();

      MimeMessage[] all = app.mail().getReceivedMessages();
      long overdue = 0;
      for (int i = before; i < all.length; i++) {
        if (subject(all[i]).startsWith("Overdue:")) {
          overdue++;
        }
      }
      long failed = app.engine.getManagementService().createJobQuery().withException().count();
      String note = (opened != actions ? "(" + opened + " actions opened, not " + actions + ") " : "")
          + (done ? "" : "(stopped after " + LIMIT.toMinutes() + " min) ")
          + (overdue != all.length - before ? "(" + (all.length - before - overdue) + " other mails) " : "")
          + (failed > 0 ? "(" + failed + " jobs failed) " : "");
      System.out.printf(Locale.ROOT, "ours on %s: %d overdue notices in %s%n", database.label(), overdue,
          Bench.seconds(nanos));
      queryStatistics(app, "ours");
      return new Run(nanos, setup, load, note.strip());
    }
  }

  private Run baseline(BenchApp.Database database, int instances) throws Exception {
    ClockUtil.reset();
    try (BenchApp app = BenchApp.start(database, "storm-baseline", true)) {
      app.jobExecutor().shutdown();
      long setupStart = System.nanoTime();
      BpmnModelInstance model = Bpmn.createExecutableProcess("benchStormBaseline")
          .camundaHistoryTimeToLive(180)
          .startEvent()
          .userTask("Task_Wait").camundaCandidateGroups("partnership-managers").camundaDueDate("${dueDate}")
          .endEvent()
          .moveToActivity("Task_Wait").boundaryEvent("Timer_Due").cancelActivity(false).timerWithDate("${dueDate}")
          .serviceTask("Task_NoOp").camundaAsyncBefore().camundaClass(NoOpDelegate.class.getName())
          .endEvent()
          .done();
      app.engine.getRepositoryService().createDeployment().name("benchmark baseline")
          .addModelInstance("bench-storm-baseline.bpmn", model).deploy();
      Instant dueAt = LocalDate.now(ZoneOffset.UTC).plusDays(11).atStartOfDay(ZoneOffset.UTC).toInstant();
      Map<String, Object> variables = Map.of("dueDate", Date.from(dueAt));
      int real = REAL_PARTNERSHIPS * ACTIONS_PER_PARTNERSHIP;
      inParallel(real / 50, batch -> {
        for (int i = 0; i < 50; i++) {
          app.engine.getRuntimeService().startProcessInstanceByKey("benchStormBaseline", variables);
        }
      });
      copyUpTo(app, "benchStormBaseline", instances);
      long setup = System.nanoTime() - setupStart;

      NoOpDelegate.EXECUTED.set(0);
      queryStatistics(app, null);
      ClockUtil.setCurrentTime(Date.from(dueAt.plusSeconds(60)));
      String load = Bench.load();
      long start = System.nanoTime();
      app.jobExecutor().start();
      boolean done = waitFor(NoOpDelegate.EXECUTED::get, instances);
      long nanos = System.nanoTime() - start;
      app.jobExecutor().shutdown();
      long failed = app.engine.getManagementService().createJobQuery().withException().count();
      String note = (done ? "" : "(baseline stopped after " + LIMIT.toMinutes() + " min) ")
          + (failed > 0 ? "(" + failed + " baseline jobs failed) " : "");
      System.out.printf(Locale.ROOT, "baseline on %s: %d no-ops in %s%n", database.label(), NoOpDelegate.EXECUTED.get(),
          Bench.seconds(nanos));
      queryStatistics(app, "baseline");
      return new Run(nanos, setup, load, note.strip());
    }
  }

  /**
   * With {@code -Dbench.argLine=-Dbench.queryStatistics=true}, on H2 only: H2 gathers statistics of every
   * statement from here ({@code label} null) and then prints the 25 that took longest in all ({@code
   * INFORMATION_SCHEMA.QUERY_STATISTICS}), to compare ours with the bare process statement by statement.
   */
  private static void queryStatistics(BenchApp app, String label) throws java.sql.SQLException {
    if (!Boolean.getBoolean("bench.queryStatistics") || app.database != BenchApp.Database.H2) {
      return;
    }
    try (java.sql.Connection connection = app.dataSource().getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      if (label == null) {
        statement.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
        statement.execute("SET QUERY_STATISTICS TRUE");
        return;
      }
      try (java.sql.ResultSet rows = statement.executeQuery("SELECT EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, "
          + "AVERAGE_EXECUTION_TIME, AVERAGE_ROW_COUNT, SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
          + "ORDER BY CUMULATIVE_EXECUTION_TIME DESC LIMIT 25")) {
        System.out.println("QUERY STATISTICS " + label + ": count | total ms | average ms | average rows | statement");
        while (rows.next()) {
          System.out.printf(Locale.ROOT, "QUERY STATISTICS %s | %d | %.0f | %.3f | %.1f | %s%n", label, rows.getLong(1),
              rows.getDouble(2), rows.getDouble(3), rows.getDouble(4),
              rows.getString(5).replaceAll("\\s+", " "));
        }
      }
    }
  }

  /**
   * Copies the running instances of the process (each waiting in its user task with its timers) until
   * there are {@code total}: each the same number of times, the history included.
   */
  static void copyUpTo(BenchApp app, String processKey, int total) throws Exception {
    List<String> templates = app.engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(processKey).active().list().stream().map(instance -> instance.getId()).toList();
    int copies = total / templates.size() - 1;
    if (copies > 0) {
      InstanceCopier copier = new InstanceCopier(app.dataSource(), app.database);
      for (String template : templates) {
        copier.copy(template, copies, true, Map.of());
      }
    }
    app.analyze();
    System.out.printf(Locale.ROOT, "%s: %d started through the engine, %d copies of each%n", processKey,
        templates.size(), Math.max(0, copies));
  }

  /** The agreement form's action rows: ours, all due on the same day. */
  private static String actionsJson(int partnership, LocalDate due) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < ACTIONS_PER_PARTNERSHIP; i++) {
      rows.add("{\"title\":\"Storm action " + partnership + "." + i + "\",\"owner\":\"ours\",\"responsibleEmail\":\""
          + RESPONSIBLE + "\",\"dueDate\":\"" + due + "\"}");
    }
    return "[" + String.join(",", rows) + "]";
  }

  /** The set-up's own due jobs (the agreement's mails), run before the storm so none is counted in it. */
  static void runDueJobs(ManagementService management) {
    for (int round = 0; round < 1000; round++) {
      List<Job> jobs = management.createJobQuery().executable().listPage(0, 500);
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          System.out.println("A set-up job failed: " + e.getMessage());
        }
      }
    }
  }

  /** Runs the work for 0..count-1 on two threads (the machine's cores); waits for all. */
  static void inParallel(int count, IntConsumerWithException work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          work.accept(index);
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean waitFor(IntSupplier count, int target) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (count.getAsInt() < target) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      return "";
    }
  }

  @FunctionalInterface
  interface IntConsumerWithException {
    void accept(int value) throws Exception;
  }

  private record Run(long nanos, long setupNanos, String load, String note) {
  }
}
