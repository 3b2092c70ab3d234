package org.partnerflow.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packaged application ({@code target/partnerflow-*.jar}, built by {@code mvn -Pbench verify}
 * before the benchmarks run) launched as its own process, as an operator would (the default profile:
 * demo), on a fresh H2 file database in a temporary folder and free ports: the time until it answers
 * HTTP ({@code /actuator/health} with 200, or else the welcome page), then its resident memory
 * ({@code VmRSS}) after 30 seconds idle. With the JVM's defaults, with flags that bound its memory, and
 * with those and only the quick (C1) compiler. Prints and records the figures; asserts nothing about time.
 */
class StartupBenchmark {

  static final String TITLE = "Start-up time and idle memory";
  /**
   * The flags docs/operations.md recommends, measured beside the JVM's defaults; {@code mvn spring-boot:run}
   * starts with them (pom.xml, {@code RunCommandFlagsTests}).
   */
  static final List<String> MEMORY_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx512m", "-Xss512k",
      "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=256m");
  /** The same and only the quick compiler: faster start, slower code once warm. */
  static final List<String> TUNED_FLAGS = java.util.stream.Stream.concat(MEMORY_FLAGS.stream(),
      Stream.of("-XX:TieredStopAtLevel=1")).toList();
  private static final Duration LIMIT = Duration.ofMinutes(3);
  private static final Duration IDLE = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void startupAndIdleMemory() throws Exception {
    String loadAtStart = Bench.load();
    Path jar = jar();
    List<String> rows = new ArrayList<>();
    if (jar == null) {
      rows.add("| (no jar: run `mvn -Pbench verify`, which packages it first) | | | | | |");
    } else {
      rows.add(launch(jar, "JVM defaults", List.of()));
      rows.add(launch(jar, "`" + String.join(" ", MEMORY_FLAGS) + "`", MEMORY_FLAGS));
      rows.add(launch(jar, "the same and `-XX:TieredStopAtLevel=1`: what `mvn spring-boot:run` starts", TUNED_FLAGS));
      Path extracted = extractWithClassDataSharing(jar);
      if (extracted == null) {
        rows.add("| extracted, with a CDS archive: could not be prepared (see target/bench-logs/startup-cds-*.log) | | | | | |");
      } else {
        Path archive = extracted.resolveSibling("partnerflow.jsa");
        rows.add(launch(extracted, "extracted jar, CDS archive (`-XX:SharedArchiveFile`)",
            List.of("-XX:SharedArchiveFile=" + archive)));
        rows.add(launch(extracted, "extracted jar, CDS archive, memory flags and `-XX:TieredStopAtLevel=1`",
            Stream.concat(Stream.of("-XX:SharedArchiveFile=" + archive), TUNED_FLAGS.stream()).toList()));
      }
    }
    Bench.writeSection(TITLE, Bench.header(loadAtStart) + """

        `java [flags] -jar target/partnerflow-0.1.0-SNAPSHOT.jar` as a separate process (default profile,
        demo: embedded mail server, demo users), a fresh H2 file database in a temporary folder, free
        ports. *Ready*: from the launch until `/actuator/health` answers 200 (or, without Actuator, the
        welcome page `/camunda/app/welcome/default/` does), polled every 100 ms. *Idle RSS*: `VmRSS` from
        `/proc/<pid>/status` after %d s idle. Targets: ready ≤ 20 s, idle RSS ≤ 600 MB. The last two rows
        use Spring Boot's class-data-sharing recipe: the jar extracted with `java -Djarmode=tools -jar
        partnerflow.jar extract`, one training run with `-XX:ArchiveClassesAtExit=partnerflow.jsa
        -Dspring.context.exit=onRefresh` (not timed), then the extracted jar started with the archive.

        | flags | ready after | answered by | idle RSS | targets (20 s / 600 MB) | load at start |
        |---|---:|---|---:|---|---|
        %s
        """.formatted(IDLE.toSeconds(), String.join("\n", rows)));
  }

  /**
   * Spring Boot's class-data-sharing recipe: the jar extracted ({@code -Djarmode=tools extract}), then one
   * training run that starts the application, stops after the context is refreshed and writes the JVM's
   * archive of the classes it loaded ({@code -XX:ArchiveClassesAtExit}). Returns the extracted jar, with
   * {@code partnerflow.jsa} beside it, or null when a step failed.
   */
  private static Path extractWithClassDataSharing(Path jar) throws Exception {
    Path folder = Files.createTempDirectory("partnerflow-cds-");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Files.createDirectories(Path.of("target", "bench-logs"));
    if (run(folder, "extract", java.toString(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
        "--destination", folder.resolve("app").toString()) != 0) {
      return null;
    }
    Path extracted = folder.resolve("app").resolve(jar.getFileName());
    Path training = Files.createTempDirectory("partnerflow-cds-training-");
    int exit = run(training, "training", java.toString(), "-XX:ArchiveClassesAtExit=" + folder.resolve("app")
        .resolve("partnerflow.jsa"), "-Dspring.context.exit=onRefresh", "-jar", extracted.toString(),
        "--spring.datasource.url=jdbc:h2:file:" + training.resolve("partnerflow") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--server.port=0", "--management.server.port=0", "--partnerflow.mail.embedded.smtp-port=0",
        "--partnerflow.mail.embedded.imap-port=0");
    return exit == 0 && Files.exists(folder.resolve("app").resolve("partnerflow.jsa")) ? extracted : null;
  }

  private static int run(Path directory, String step, String... command) throws Exception {
    File log = Path.of("target", "bench-logs", "startup-cds-" + step + ".log").toFile();
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(log).start();
    if (!process.waitFor(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  private String launch(Path jar, String label, List<String> flags) throws Exception {
    Path folder = Files.createTempDirectory("partnerflow-startup-");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
        "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("partnerflow") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--server.port=" + port, "--partnerflow.mail.embedded.smtp-port=0", "--partnerflow.mail.embedded.imap-port=0"));
    Files.createDirectories(Path.of("target", "bench-logs"));
    File log = Path.of("target", "bench-logs", "startup-" + flags.size() + "-flags"
        + (flags.stream().anyMatch(flag -> flag.startsWith("-XX:SharedArchiveFile")) ? "-cds" : "") + ".log").toFile();
    String load = Bench.load();
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(log).start();
    try {
      String answeredBy = null;
      while (answeredBy == null && System.nanoTime() - start < LIMIT.toNanos() && process.isAlive()) {
        if (status("http://127.0.0.1:" + port + "/actuator/health") == 200) {
          answeredBy = "/actuator/health";
        } else if (status("http://127.0.0.1:" + port + "/camunda/app/welcome/default/") == 200) {
          answeredBy = "welcome page";
        } else {
          Thread.sleep(100);
        }
      }
      long ready = System.nanoTime() - start;
      if (answeredBy == null) {
        return "| " + label + " | did not answer in " + LIMIT.toMinutes() + " min (see " + log + ") | | | | " + load + " |";
      }
      Thread.sleep(IDLE.toMillis());
      long rssKb = rssKb(process.pid());
      boolean met = ready <= Duration.ofSeconds(20).toNanos() && rssKb <= 600 * 1024;
      String row = String.format(Locale.ROOT, "| %s | %s | %s | %d MB | %s | %s |", label, Bench.seconds(ready),
          answeredBy, rssKb / 1024, Bench.verdict(met), load);
      System.out.println("STARTUP " + row);
      return row;
    } finally {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private int status(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(path -> path.getFileName().toString().matches("partnerflow-.*\\.jar")).findFirst()
          .orElse(null);
    }
  }
}
