package org.partnerflow.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Partnerflow node in a JVM of its own, as an operator runs it: {@code java -cp ...
 * org.partnerflow.PartnerflowApplication --name=value ...} with the {@code demo} and {@code postgres}
 * profiles, its own HTTP port, its own engine {@code hostname} (so the job log says which node ran
 * a job) and its job executor on. Its output goes to {@code target/cluster/NAME.log} (appended to
 * across restarts). {@link #stop()} ends it as an orchestrator does (SIGTERM, the application shuts
 * down in order), {@link #kill()} as a crash does (SIGKILL: nothing is cleaned up, its locked jobs
 * stay locked until their lock time ends).
 *
 * <p>The classpath is the application's: the test run's classpath without the test classes (they
 * would put the tests' Spring initializer into the node). Surefire runs tests from a manifest-only
 * jar, so it is read from {@code surefire.test.class.path}, a class loader's URLs or
 * {@code java.class.path}, whichever holds it.
 */
public final class ClusterNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
  private static final Path LOGS = Path.of("target", "cluster");

  private final String name;
  private final int port;
  private final List<String> jvmOptions;
  private final Map<String, String> properties;
  private final Path log;
  private Process process;

  private ClusterNode(String name, int port, List<String> jvmOptions, Map<String, String> properties) {
    this.name = name;
    this.port = port;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.properties = new LinkedHashMap<>(properties);
    this.log = LOGS.resolve(name + ".log");
  }

  /**
   * A node on the database, sending mail to the SMTP server at 127.0.0.1:smtpPort; further settings
   * with {@link Builder#property}.
   */
  public static Builder builder(String name, String jdbcUrl, String user, int smtpPort) {
    return new Builder(name, jdbcUrl, user, smtpPort);
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** Starts the JVM and waits until the application answers HTTP and its job executor runs. */
  public ClusterNode start(Duration timeout) {
    if (isRunning()) {
      throw new IllegalStateException(name + " runs already");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(applicationClasspath());
    command.add("org.partnerflow.PartnerflowApplication");
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.createDirectories(LOGS);
      Files.writeString(log, "==== " + Instant.now() + " starting " + name + " on port " + port + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      long logStart = Files.size(log);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().remove("SPRING_PROFILES_ACTIVE");
      process = builder.start();
      LOG.info("Started node {} (pid {}) on port {}; log {}", name, process.pid(), port, log.toAbsolutePath());
      awaitReady(logStart, timeout);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start node " + name, e);
    }
  }

  private void awaitReady(long logStart, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean jobExecutor = !"false".equals(properties.get("camunda.bpm.job-execution.enabled"));
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " ended with exit code " + process.exitValue()
            + " while starting; see " + log.toAbsolutePath() + "\n" + tail(40));
      }
      if (answersHttp() && (!jobExecutor || logSince(logStart).contains("ENGINE-14018"))) {
        LOG.info("Node {} is ready", name);
        return;
      }
      sleep(250);
    }
    kill();
    throw new IllegalStateException("Node " + name + " was not ready within " + timeout + "; see "
        + log.toAbsolutePath() + "\n" + tail(40));
  }

  private boolean answersHttp() {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/engine-rest/engine")
          .toURL().openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(2000);
      int status = connection.getResponseCode();
      connection.disconnect();
      return status > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGTERM: the application shuts down in order (running jobs end, connections close). */
  public void stop() {
    if (!isRunning()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        LOG.warn("Node {} did not stop within 60 s; killing it", name);
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
    LOG.info("Stopped node {}", name);
  }

  /** SIGKILL: the node dies on the spot, as in a power cut; its locked jobs stay locked. */
  public void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("Killed node {}", name);
  }

  @Override
  public void close() {
    stop();
  }

  /** The last lines of the node's log. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private String logSince(long offset) {
    try {
      byte[] all = Files.readAllBytes(log);
      return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The application's classpath, as the test run (or a main class) sees it, without test classes. */
  public static String applicationClasspath() {
    List<String> entries = new ArrayList<>();
    String surefire = System.getProperty("surefire.test.class.path");
    if (surefire != null && !surefire.isBlank()) {
      entries.addAll(Arrays.asList(surefire.split(File.pathSeparator)));
    } else if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader
        && loader.getURLs().length > 1) {
      for (URL url : loader.getURLs()) {
        entries.add(Path.of(URI.create(url.toString())).toString());
      }
    } else {
      entries.addAll(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
    }
    if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
      entries = manifestClassPath(Path.of(entries.get(0)));
    }
    String classpath = entries.stream().filter(entry -> !entry.isBlank())
        .filter(entry -> !Path.of(entry).normalize().endsWith(Path.of("target", "test-classes")))
        .collect(Collectors.joining(File.pathSeparator));
    if (!classpath.contains("classes")) {
      throw new IllegalStateException("The application's classes are not on the classpath: " + classpath);
    }
    return classpath;
  }

  private static List<String> manifestClassPath(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (classPath == null) {
        return List.of(jar.toString());
      }
      List<String> entries = new ArrayList<>();
      for (String entry : classPath.trim().split("\\s+")) {
        entries.add(Path.of(jar.getParent().toUri().resolve(entry)).toString());
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** How a node is started; {@link #build()} starts nothing yet. */
  public static final class Builder {

    private final String name;
    private int port;
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx768m", "-XX:+UseSerialGC",
        "-Dfile.encoding=UTF-8"));
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder(String name, String jdbcUrl, String user, int smtpPort) {
      this.name = name;
      // e.g. -Dpartnerflow.cluster.node-jvm-options=-XX:StartFlightRecording to profile the nodes
      String extra = System.getProperty("partnerflow.cluster.node-jvm-options", "").strip();
      if (!extra.isEmpty()) {
        jvmOptions.addAll(List.of(extra.split("\\s+")));
      }
      this.port = PortFinder.free();
      properties.put("spring.profiles.active", "demo,postgres");
      properties.put("spring.datasource.url", jdbcUrl);
      properties.put("spring.datasource.username", user);
      properties.put("spring.datasource.password", "");
      properties.put("camunda.bpm.generic-properties.properties.hostname", name);
      properties.put("partnerflow.mail.embedded.enabled", "false");
      properties.put("spring.mail.host", "127.0.0.1");
      properties.put("spring.mail.port", Integer.toString(smtpPort));
      properties.put("spring.main.banner-mode", "off");
    }

    /** A setting as {@code --key=value}; it wins over the application's own. */
    public Builder property(String key, Object value) {
      properties.put(key, String.valueOf(value));
      return this;
    }

    /** A JVM option besides the default ones. */
    public Builder jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    /** JVM options instead of the default ones (a small heap, the serial collector). */
    public Builder jvmOptions(String... options) {
      jvmOptions.clear();
      jvmOptions.addAll(List.of(options));
      return this;
    }

    public ClusterNode build() {
      properties.put("server.port", Integer.toString(port));
      properties.putIfAbsent("management.server.port", "0"); // health and metrics: any free port per node
      return new ClusterNode(name, port, jvmOptions, properties);
    }
  }

  /** A free TCP port on the loopback interface. */
  static final class PortFinder {

    static int free() {
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
