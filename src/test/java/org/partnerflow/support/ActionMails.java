package org.partnerflow.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.partnerflow.support.MailSink.Received;

/**
 * The action mails one scenario of a cluster test expects, counted from what the mail server
 * received: per action and kind (reminder, overdue notice), how many arrived and under how many
 * Message-IDs. The same Message-ID twice is the same mail sent again (the application derives it
 * from the mail's key); two Message-IDs for one action and kind would be two different mails.
 */
public final class ActionMails {

  private static final Pattern SUBJECT = Pattern.compile("^(Reminder|Overdue): \"([^\"]+)\"");

  private final MailSink sink;
  private final String recipient;
  private final Set<String> expected;

  /** Expects, for each title, a mail of each kind ({@code Reminder}, {@code Overdue}) to the one recipient. */
  public ActionMails(MailSink sink, String recipient, List<String> titles, String... kinds) {
    this.sink = sink;
    this.recipient = recipient;
    this.expected = new HashSet<>();
    for (String title : titles) {
      for (String kind : kinds) {
        expected.add(kind + " " + title);
      }
    }
  }

  public int expected() {
    return expected.size();
  }

  /** What has arrived so far. */
  public Count count() {
    Map<String, List<String>> byMail = new LinkedHashMap<>();
    int unexpected = 0;
    for (Received message : sink.receivedFor(recipient)) {
      Matcher subject = SUBJECT.matcher(message.subject() == null ? "" : message.subject());
      String key = subject.find() ? subject.group(1) + " " + subject.group(2) : null;
      if (key == null || !expected.contains(key)) {
        unexpected++;
        continue;
      }
      byMail.computeIfAbsent(key, k -> new ArrayList<>()).add(message.messageId());
    }
    int raw = byMail.values().stream().mapToInt(List::size).sum();
    long withTwoIds = byMail.values().stream().filter(ids -> new HashSet<>(ids).size() > 1).count();
    long resent = byMail.values().stream().filter(ids -> ids.size() > 1).count();
    return new Count(expected.size(), byMail.size(), raw, raw - byMail.size(), resent, withTwoIds, unexpected);
  }

  /** Messages the recipient received so far, whatever they are: cheap. */
  public int received() {
    return sink.countFor(recipient);
  }

  /** Waits until every expected mail arrived at least once; the count then. */
  public Count awaitAll(Duration timeout) {
    Count[] last = new Count[1];
    await(() -> received() >= expected.size() && (last[0] = count()).missing() == 0, timeout,
        () -> "Not every mail arrived: " + count());
    return last[0];
  }

  /** Waits until the recipient received at least this many messages. */
  public void awaitAtLeast(int messages, Duration timeout) {
    await(() -> received() >= messages, timeout, () -> "Fewer than " + messages + " mails arrived: " + count());
  }

  /** Polls the condition every 200 ms until it holds. */
  public static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(failure.get() + " (after " + timeout.toSeconds() + " s)");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted", e);
      }
    }
  }

  /**
   * @param expected mails expected (actions times kinds)
   * @param distinct expected mails that arrived at least once
   * @param raw messages that arrived for expected mails, duplicates included
   * @param duplicates messages beyond the first of their mail ({@code raw - distinct})
   * @param resent mails that arrived more than once
   * @param withTwoIds mails that arrived under two or more Message-IDs (different mails for one action)
   * @param unexpected messages to the recipient that no scenario mail explains
   */
  public record Count(int expected, int distinct, int raw, int duplicates, long resent, long withTwoIds,
      int unexpected) {

    public int missing() {
      return expected - distinct;
    }

    @Override
    public String toString() {
      return distinct + " of " + expected + " mails arrived (" + raw + " messages, " + duplicates
          + " raw duplicates with the same Message-ID, " + withTwoIds + " mails with two Message-IDs, "
          + unexpected + " unexpected)";
    }
  }
}
