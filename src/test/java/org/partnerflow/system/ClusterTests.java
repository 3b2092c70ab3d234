package org.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.partnerflow.support.ActionMails;
import org.partnerflow.support.ActionMails.Count;
import org.partnerflow.support.ClusterNode;
import org.partnerflow.support.LocalCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two nodes in their own JVMs on one PostgreSQL database, both with job executors, send the action
 * mails of thousands of actions that fall due at the same moment, and keep sending them through
 * faults: the mail server down for a minute, the database unreachable for a while, a node killed in
 * the middle of it. The nodes, the database and the mail server live for the whole class; each
 * scenario has a partnership (and so action titles) of its own.
 *
 * <p>About "exactly once": a node sends a mail, then records it (notification_log, its own
 * transaction) and then commits the step. A node that dies, or loses its database, between the mail
 * server's "accepted" and that record sends the mail again when the step is retried: SMTP has no way
 * to ask whether a mail arrived. The repeat carries the same Message-ID (derived from the mail's
 * key), so mail clients can drop it. The fault scenarios therefore assert every mail at least once,
 * never two different mails for one action, and at most as many repeats as the nodes had job threads
 * in flight; the number observed is logged.
 *
 * <p>Runs in the build's PostgreSQL run only (a real server, or an embedded one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ClusterTests {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterTests.class);
  private static final int STORM = Integer.getInteger("partnerflow.cluster.storm", 2000);
  private static final int SMTP_STORM = Integer.getInteger("partnerflow.cluster.smtp-storm", 1000);
  private static final int FAULT_STORM = Integer.getInteger("partnerflow.cluster.fault-storm", 600);
  private static final int SEED_THREADS = 4;

  private LocalCluster cluster;
  private ClusterNode nodeA;
  private ClusterNode nodeB;
  private Map<String, String> partnerships;

  @BeforeAll
  void startTwoNodes() {
    cluster = LocalCluster.create("cluster");
    // the partnerships first, while no job executor runs: their set-up executes its own jobs
    partnerships = Map.of(
        "storm", cluster.seeder().runningPartnership("Storm Trust", "storm1"),
        "smtp", cluster.seeder().runningPartnership("Mailroom Trust", "smtp1"),
        "database", cluster.seeder().runningPartnership("Ledger Trust", "ledger1"),
        "kill", cluster.seeder().runningPartnership("Phoenix Trust", "phoenix1"));
    cluster.seeder().holdTimers();
    // one after the other: the first start on a database creates what both need
    nodeA = cluster.startNode("node-a");
    nodeB = cluster.startNode("node-b");
  }

  @AfterAll
  void stopNodes() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void actionsFallingDueAtOnceGetEachReminderAndOverdueNoticeExactlyOnceFromBothNodes() {
    String reference = partnerships.get("storm");
    // due yesterday: its reminder is past, and its overdue notice too, from the moment the action
    // started (an overdue cycle that started before the engine clock would begin a week later)
    LocalDate due = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    Instant dueAt = due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    cluster.seeder().holdTimers();
    List<String> titles = seed(reference, "storm", STORM, due, dueAt.minusSeconds(60));
    ActionMails mails = new ActionMails(cluster.mail(), "owner@storm.cluster.example", titles, "Reminder", "Overdue");

    Instant released = cluster.seeder().releaseTimers();
    Count arrived = mails.awaitAll(Duration.ofMinutes(10));
    Duration took = Duration.between(released, Instant.now());
    cluster.awaitSettled(reference, dueAt.plus(Duration.ofDays(1)), Duration.ofMinutes(1));
    Count settled = mails.count();
    Map<String, Long> byNode = cluster.database().successfulJobsByNode(reference);
    LOG.info("Storm: {} actions, {} mails in {} s ({} mails/s); {}; jobs by node {}", STORM, arrived.expected(),
        took.toMillis() / 1000.0, Math.round(arrived.expected() / (took.toMillis() / 1000.0)), settled, byNode);

    assertThat(settled.missing()).isZero();
    assertThat(settled.duplicates()).as("mails sent twice").isZero();
    assertThat(settled.withTwoIds()).isZero();
    assertThat(byNode).containsKeys("node-a", "node-b");
    assertThat(byNode.get("node-a")).isPositive();
    assertThat(byNode.get("node-b")).isPositive();
    assertThat(cluster.incidents()).isZero();
    assertThat(cluster.jobsThatFailed(reference)).as("jobs left with retries used up in part").isEmpty();
  }

  @Test
  @Order(2)
  void remindersHeldUpByTheMailServerBeingDownForAMinuteAllArriveWhenItIsBack() {
    String reference = partnerships.get("smtp");
    ActionMails mails = seedReminders(reference, "smtp", SMTP_STORM);

    cluster.seeder().releaseTimers();
    mails.awaitAtLeast(SMTP_STORM / 10, Duration.ofMinutes(2));
    cluster.mail().stop();
    Instant down = Instant.now();
    Count beforeOutage = mails.count();
    ActionMails.await(() -> Duration.between(down, Instant.now()).toSeconds() >= 60, Duration.ofSeconds(70),
        () -> "The outage did not last a minute");
    cluster.mail().startAgain();
    Count arrived = mails.awaitAll(Duration.ofMinutes(5));
    Duration recovery = Duration.between(down.plusSeconds(60), Instant.now());
    cluster.awaitSettled(reference, tomorrow(), Duration.ofMinutes(1));
    Count settled = mails.count();
    long failures = cluster.jobFailures(reference);
    LOG.info("Mail server down for 60 s after {} of {} reminders; all there {} s after it came back; {} failed "
        + "attempts retried; {}", beforeOutage.distinct(), arrived.expected(), recovery.toSeconds(), failures, settled);

    assertThat(failures).as("mail steps that failed while the mail server was down").isPositive();
    // a session the stop cut after the server had stored the message but before the node heard its
    // "250 OK" is retried: the same mail again, with the same Message-ID; at most one per job thread
    assertEveryMailArrivedAndNoneAsTwoMails(reference, settled, 2 * LocalCluster.JOB_THREADS);
  }

  @Test
  @Order(3)
  void whenTheDatabaseIsUnreachableForAWhileJobsAreRetriedAndTheNodesRecoverWithoutARestart() {
    String reference = partnerships.get("database");
    ActionMails mails = seedReminders(reference, "database", FAULT_STORM);

    cluster.seeder().releaseTimers();
    mails.awaitAtLeast(FAULT_STORM / 5, Duration.ofMinutes(2));
    cluster.database().refuseConnections();
    Instant cut = Instant.now();
    Count beforeOutage = mails.count();
    ActionMails.await(() -> Duration.between(cut, Instant.now()).toSeconds() >= 15, Duration.ofSeconds(20),
        () -> "The outage did not last 15 s");
    cluster.database().allowConnections();
    Instant restored = Instant.now();
    Count arrived = mails.awaitAll(Duration.ofMinutes(5));
    Duration recovery = Duration.between(restored, Instant.now());
    cluster.awaitSettled(reference, tomorrow(), Duration.ofMinutes(1));
    Count settled = mails.count();
    Map<String, Long> afterOutage = cluster.database().counts("select j.hostname_, count(*) from act_hi_job_log j "
        + "where j.job_state_ = 2 and j.timestamp_ > ? group by j.hostname_", java.sql.Timestamp.from(restored));
    LOG.info("Database closed for 15 s after {} of {} reminders; all there {} s after it opened again; {}; "
        + "jobs completed after the outage by node {}", beforeOutage.distinct(), arrived.expected(),
        recovery.toSeconds(), settled, afterOutage);

    assertThat(nodeA.isRunning()).isTrue();
    assertThat(nodeB.isRunning()).isTrue();
    // which node took the jobs after the outage depends on where each was in its acquisition back-off;
    // that each reads the database again without a restart shows in a call that needs it
    assertThat(afterOutage).as("jobs completed after the outage").isNotEmpty();
    assertThat(List.of(nodeA, nodeB)).as("both nodes read the database again, without a restart")
        .allSatisfy(node -> assertThat(databaseBackedCall(node)).isEqualTo(200));
    // a node that lost the database after the mail server accepted a mail, before recording it, sends it
    // again (same Message-ID): at most one per job thread of each node
    assertEveryMailArrivedAndNoneAsTwoMails(reference, settled, 2 * LocalCluster.JOB_THREADS);
  }

  @Test
  @Order(4)
  void aNodeKilledInTheMiddleOfAStormLeavesNoMailUnsentAndRepeatsAtMostItsJobsInFlight() {
    String reference = partnerships.get("kill");
    ActionMails mails = seedReminders(reference, "kill", FAULT_STORM);

    cluster.seeder().releaseTimers();
    mails.awaitAtLeast(FAULT_STORM / 4, Duration.ofMinutes(2));
    Map<String, Long> locked = cluster.database().counts("select handler_type_ || case when lock_exp_time_ > now() "
        + "then ' locked' else ' lock run out' end, count(*) from act_ru_job where lock_owner_ is not null group by 1");
    nodeA.kill();
    Instant killed = Instant.now();
    Count beforeKill = mails.count();
    nodeA.start(Duration.ofMinutes(3));
    Duration restart = Duration.between(killed, Instant.now());
    Count arrived = mails.awaitAll(Duration.ofMinutes(5));
    Duration recovery = Duration.between(killed, Instant.now());
    cluster.awaitSettled(reference, tomorrow(), Duration.ofMinutes(1));
    Count settled = mails.count();
    LOG.info("Node A killed after {} of {} reminders (jobs with a lock owner then: {}); back in {} s; all "
        + "there {} s after the kill; {}", beforeKill.distinct(), arrived.expected(), locked, restart.toSeconds(),
        recovery.toSeconds(), settled);

    // what node A had sent but not yet recorded when it died is sent again, with the same Message-ID
    assertEveryMailArrivedAndNoneAsTwoMails(reference, settled, LocalCluster.JOB_THREADS);
  }

  /**
   * After a fault: every mail arrived, never as two different mails for one action, at most
   * {@code repeats} sent again with the same Message-ID (the moment between the mail server's "accepted"
   * and the record, which SMTP cannot close), and nothing left failed.
   */
  private void assertEveryMailArrivedAndNoneAsTwoMails(String reference, Count settled, int repeats) {
    assertThat(settled.missing()).isZero();
    assertThat(settled.withTwoIds()).as("two different mails for one action").isZero();
    assertThat(settled.duplicates()).as("mails sent again with the same Message-ID").isLessThanOrEqualTo(repeats);
    assertThat(cluster.incidents()).isZero();
    assertThat(cluster.jobsThatFailed(reference)).isEmpty();
  }

  /** Reminders only: due tomorrow, so the reminder (three days before) is due and nothing else. */
  private ActionMails seedReminders(String reference, String scenario, int count) {
    cluster.seeder().holdTimers();
    LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    List<String> titles = seed(reference, scenario, count, due, null);
    return new ActionMails(cluster.mail(), "owner@" + scenario + ".cluster.example", titles, "Reminder");
  }

  private static Instant tomorrow() {
    return Instant.now().plus(Duration.ofDays(1));
  }

  private List<String> seed(String reference, String scenario, int count, LocalDate due, Instant engineTime) {
    Instant start = Instant.now();
    List<String> titles = cluster.seeder().seedActions(reference, scenario, count, due,
        "owner@" + scenario + ".cluster.example", engineTime, SEED_THREADS);
    LOG.info("Seeded {} actions for {} in {} ms", count, scenario, ChronoUnit.MILLIS.between(start, Instant.now()));
    return titles;
  }

  /** A REST call that needs the database: the number of process definitions, as pat. */
  private static int databaseBackedCall(ClusterNode node) {
    try {
      java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
              "http://127.0.0.1:" + node.port() + "/engine-rest/process-definition/count"))
          .header("Authorization", "Basic " + java.util.Base64.getEncoder()
              .encodeToString("pat:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .timeout(Duration.ofSeconds(30)).build();
      return java.net.http.HttpClient.newHttpClient()
          .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
