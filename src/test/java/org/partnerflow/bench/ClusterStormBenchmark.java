package org.partnerflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partnerflow.support.ActionMails;
import org.partnerflow.support.ActionMails.Count;
import org.partnerflow.support.LocalCluster;

/**
 * The overdue storm, on one node against two: N actions of ours that all fell due at the same moment
 * (each with its reminder and its overdue notice, so 2N mails), on PostgreSQL, with the nodes in
 * their own JVMs as {@code postgres} profile ships them. Prints, per cluster size, the time from the
 * moment the timers fall due until the last mail is in the mail server, and the mails per second;
 * then writes the section "Overdue storm: one node against two (PostgreSQL)" of docs/benchmarks.md
 * (replacing that section only).
 *
 * <p>Settings (system properties): {@code partnerflow.bench.actions} (default 10000),
 * {@code partnerflow.bench.nodes} (cluster sizes, default {@code 1,2}), {@code partnerflow.bench.seed-threads}
 * (default 4), {@code partnerflow.bench.write} ({@code false} only prints). A main class, not a test:
 * a timing is no pass or fail on a shared machine. See docs/benchmarks.md for the command.
 */
public final class ClusterStormBenchmark {

  static final String TITLE = "Overdue storm: one node against two (PostgreSQL)";

  private ClusterStormBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int actions = Integer.getInteger("partnerflow.bench.actions", 10_000);
    int seedThreads = Integer.getInteger("partnerflow.bench.seed-threads", 4);
    List<Integer> sizes = Arrays.stream(System.getProperty("partnerflow.bench.nodes", "1,2").split(","))
        .map(String::strip).map(Integer::valueOf).toList();
    String machine = Bench.machine() + ", " + Bench.today();
    System.out.println("Overdue storm: " + actions + " actions on " + sizes + " node(s); " + machine);

    List<Result> results = new ArrayList<>();
    for (int nodes : sizes) {
      Result result = run(nodes, actions, seedThreads);
      System.out.println(result.line());
      results.add(result);
    }
    String section = section(actions, results, machine);
    if ("false".equals(System.getProperty("partnerflow.bench.write"))) {
      System.out.println("\n## " + TITLE + "\n\n" + section);
    } else {
      Bench.writeSection(TITLE, section);
    }
    System.exit(0);
  }

  private static Result run(int nodes, int actions, int seedThreads) {
    try (LocalCluster cluster = LocalCluster.create("storm" + nodes)) {
      String reference = cluster.seeder().runningPartnership("Storm Benchmark Trust", "bench" + nodes);
      cluster.seeder().holdTimers();
      for (int i = 0; i < nodes; i++) {
        cluster.startProductionNode("node-" + (char) ('a' + i), builder -> { });
      }
      // due yesterday; started just before the due moment, so the overdue cycle begins at it
      LocalDate due = LocalDate.now(ZoneOffset.UTC).minusDays(1);
      Instant dueAt = due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant seedStart = Instant.now();
      List<String> titles = cluster.seeder().seedActions(reference, "bench", actions, due,
          "owner@bench.cluster.example", dueAt.minusSeconds(60), seedThreads);
      Duration seeding = Duration.between(seedStart, Instant.now());
      ActionMails mails = new ActionMails(cluster.mail(), "owner@bench.cluster.example", titles, "Reminder", "Overdue");
      String loadBefore = Bench.load();

      Instant released = cluster.seeder().releaseTimers();
      Instant first = null;
      while (mails.received() < mails.expected()) {
        if (first == null && mails.received() > 0) {
          first = Instant.now();
        }
        if (Duration.between(released, Instant.now()).toMinutes() > 120) {
          throw new IllegalStateException("The storm did not end within two hours: " + mails.count());
        }
        sleep(250);
      }
      Instant last = Instant.now();
      cluster.awaitSettled(reference, dueAt.plus(Duration.ofDays(1)), Duration.ofMinutes(5));
      Count count = mails.count();
      Map<String, Long> byNode = cluster.database().successfulJobsByNode(reference);
      byNode.remove("seeder");
      return new Result(nodes, actions, mails.expected(), seeding, Duration.between(released, first == null ? last : first),
          Duration.between(released, last), count, byNode, loadBefore, Bench.load());
    }
  }

  record Result(int nodes, int actions, int mails, Duration seeding, Duration firstMail, Duration lastMail,
      Count count, Map<String, Long> jobsByNode, String loadBefore, String loadAfter) {

    double mailsPerSecond() {
      return mails / (lastMail.toMillis() / 1000.0);
    }

    String line() {
      return String.format(Locale.ROOT, "%d node(s): %d actions, %d mails; last mail %.1f s after the timers fell due "
          + "(first %.1f s), %.1f mails/s; %s; jobs by node %s; seeding took %d s; load %s -> %s", nodes, actions, mails,
          lastMail.toMillis() / 1000.0, firstMail.toMillis() / 1000.0, mailsPerSecond(), count, jobsByNode,
          seeding.toSeconds(), loadBefore, loadAfter);
    }
  }

  private static String section(int actions, List<Result> results, String machine) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%,d actions of ours, all due the same day, whose timers fall due at one "
        + "moment: each sends its reminder and its overdue notice (%,d mails, each a timer job and a mail job). "
        + "The nodes run in JVMs of their own with the `postgres` profile as shipped (8 job threads each, "
        + "due jobs oldest first), on one PostgreSQL database made from Camunda's SQL scripts; the mail "
        + "server (GreenMail) runs in the benchmark's JVM on the same machine. Timed from the moment the "
        + "timers fall due (their job definitions are activated) until the last mail is in the mail server.\n\n",
        actions, 2L * actions));
    text.append("| nodes | mails | first mail after | last mail after | mails/s | jobs by node | sent twice |\n");
    text.append("|---|---|---|---|---|---|---|\n");
    for (Result result : results) {
      text.append(String.format(Locale.ROOT, "| %d | %,d | %.1f s | %.1f s | %.1f | %s | %d |\n", result.nodes(),
          result.mails(), result.firstMail().toMillis() / 1000.0, result.lastMail().toMillis() / 1000.0,
          result.mailsPerSecond(), result.jobsByNode(), result.count().duplicates()));
    }
    if (results.size() == 2) {
      text.append(String.format(Locale.ROOT, "\nTwo nodes against one: %.2f times the mails per second.\n",
          results.get(1).mailsPerSecond() / results.get(0).mailsPerSecond()));
    }
    text.append("\nMachine: ").append(machine).append("; load average before and after each storm: ");
    for (Result result : results) {
      text.append(result.nodes()).append(" node(s) ").append(result.loadBefore()).append(" -> ")
          .append(result.loadAfter()).append("; ");
    }
    text.setLength(text.length() - 2);
    text.append(". Every node and the database share the machine's cores, so a second node adds job threads "
        + "and a second JVM, not CPU: on a machine this size the figure shows what two nodes cost and "
        + "whether they get in each other's way (both lock jobs from one table), not what two machines gain.\n\n");
    text.append("Run it (20 minutes for 10,000 actions on two shared cores, most of it the storms and seeding "
        + "10,000 actions twice):\n\n```bash\n"
        + "mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath\n"
        + "java -cp target/test-classes:target/classes:$(cat target/test.classpath) \\\n"
        + "  -Dpartnerflow.bench.actions=10000 org.partnerflow.bench.ClusterStormBenchmark\n```\n\n"
        + "It needs PostgreSQL at 127.0.0.1:5432 (user `postgres`, trust), or it starts an embedded one; "
        + "`-Dpartnerflow.bench.nodes=1,2` picks the cluster sizes, `-Dpartnerflow.bench.write=false` only "
        + "prints. Node logs: `target/cluster/node-*.log`.\n");
    return text.toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
