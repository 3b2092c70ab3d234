package org.partnerflow.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What every benchmark shares: the sizes (full, or the quick mode's smaller ones with
 * {@code -Dbench.quick=true}), the machine it ran on, the load average, percentiles, and the
 * section of {@code docs/benchmarks.md} it writes (quick runs write {@code target/benchmarks-quick.md}
 * instead, so the document keeps only full runs). Benchmarks print figures and assert nothing about time.
 */
final class Bench {

  static final Path DOCUMENT = Path.of("docs", "benchmarks.md");
  static final Path QUICK_DOCUMENT = Path.of("target", "benchmarks-quick.md");

  private Bench() {
  }

  static boolean quick() {
    return Boolean.getBoolean("bench.quick");
  }

  static int size(int full, int quick) {
    return quick() ? quick : full;
  }

  /** The databases to run on: {@code -Dbench.databases=h2,postgres} (the default), or one of them. */
  static List<BenchApp.Database> databases() {
    String configured = System.getProperty("bench.databases", "h2,postgres");
    if (configured.isBlank()) {
      configured = "h2,postgres";
    }
    return Arrays.stream(configured.split(",")).map(String::strip).filter(name -> !name.isEmpty())
        .map(name -> BenchApp.Database.valueOf(name.toUpperCase(Locale.ROOT))).toList();
  }

  /** nproc, RAM and Java, as one line. */
  static String machine() {
    long ramKb = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          ramKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: RAM unknown
    }
    return String.format(Locale.ROOT, "%d cores (nproc), %.1f GiB RAM, Java %s (%s), %s %s",
        Runtime.getRuntime().availableProcessors(), ramKb / 1024.0 / 1024.0, System.getProperty("java.version"),
        System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them. */
  static String load() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  /** The header every section starts with: date, machine, sizes, and the load average at start. */
  static String header(String loadAtStart) {
    return "Run " + today() + (quick() ? " (quick mode: smaller sizes)" : "") + " on " + machine()
        + ". Load average at start (1/5/15 min): " + loadAtStart + ".\n";
  }

  static long percentile(List<Long> values, double percentile) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    if (sorted.isEmpty()) {
      return -1;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String verdict(boolean met) {
    return met ? "**met**" : "**missed**";
  }

  /**
   * Replaces the section that starts with {@code ## title} (up to the next {@code ## } heading) with
   * the body, or appends it; other sections (another benchmark's, the hand-written ones) stay as
   * they are. Prints it too.
   */
  static synchronized void writeSection(String title, String body) {
    String section = "## " + title + "\n\n" + body.strip() + "\n";
    System.out.println("\n" + section);
    Path document = quick() ? QUICK_DOCUMENT : DOCUMENT;
    try {
      Files.createDirectories(document.toAbsolutePath().getParent());
      String text = Files.exists(document) ? Files.readString(document, UTF_8) : "# Benchmarks\n";
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      int start = lines.indexOf("## " + title);
      String updated;
      if (start < 0) {
        updated = text.stripTrailing() + "\n\n" + section;
      } else {
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
          end++;
        }
        String before = String.join("\n", lines.subList(0, start));
        String after = String.join("\n", lines.subList(end, lines.size()));
        updated = before + (before.isEmpty() ? "" : "\n") + section + (after.isBlank() ? "" : "\n" + after);
      }
      Files.writeString(document, updated.stripTrailing() + "\n", UTF_8);
      System.out.println("(written to " + document + ")");
    } catch (IOException e) {
      throw new IllegalStateException("Could not write " + document, e);
    }
  }
}
