package org.partnerflow.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.Journey;

/**
 * Tasklist's "Overdue" and "My group's tasks" filters with 10,000 and 100,000 open tasks, called
 * through the REST API as Tasklist calls them (a partnership manager, authorization on): the list of
 * the first 15 and the count, p50 and p95 of each. Prints and records the figures; asserts nothing
 * about time.
 *
 * <p>Seeding: one partnership made through the journey has two real {@code agreedAction} tasks, ours
 * (candidate group partnership-managers) and the partner's (candidate group: the partner's). Each is
 * copied in the database ({@link InstanceCopier}: executions, task, candidate-group link, the task
 * authorization the engine grants that group, variables, timer jobs; no history) half the size times,
 * with due dates spread over a year around today (so about half are overdue), creation times over
 * the last 90 days, and the partner's copies spread over 500 partner groups. So the manager may see
 * half the tasks, and a quarter are overdue ones they may see.
 */
class TasklistBenchmark {

  static final String TITLE = "Tasklist filters at scale";
  private static final String BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"},{\"sortBy\":\"created\",\"sortOrder\":\"asc\"}]}";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void tasklistFilters() throws Exception {
    int small = Bench.size(10_000, 2_000);
    int large = Bench.size(100_000, 10_000);
    int warmUp = Bench.size(5, 3);
    int measured = Bench.size(40, 15);
    String loadAtStart = Bench.load();
    List<String> rows = new ArrayList<>();
    Map<String, Long> smallP95 = new java.util.HashMap<>();
    for (BenchApp.Database database : Bench.databases()) {
      try (BenchApp app = BenchApp.start(database, "tasklist", true)) {
        app.jobExecutor().shutdown();
        Journey journey = new Journey(app.engine);
        Map<String, Object> draft = Journey.draftAgreement();
        LocalDate due = LocalDate.now().plusDays(10);
        draft.put("actions", Journey.jsonList("[{\"title\":\"Our action\",\"owner\":\"ours\",\"responsibleEmail\":"
            + "\"tasklist.owner@partnerflow.example\",\"dueDate\":\"" + due + "\"},{\"title\":\"Their action\","
            + "\"owner\":\"partner\",\"responsibleEmail\":\"someone@tasklist-trust.example\",\"dueDate\":\"" + due
            + "\"}]"));
        ProcessInstance collaboration = journey.runningPartnership("Tasklist Trust", "tl1", draft);
        OverdueStormBenchmark.runDueJobs(app.engine.getManagementService());
        List<String> templates = app.engine.getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey("agreedAction").processInstanceBusinessKey(collaboration.getBusinessKey()).list()
            .stream().map(ProcessInstance::getId).toList();
        String ours = templates.stream().filter(id -> "ours".equals(app.engine.getRuntimeService()
            .getVariable(id, "actionOwner"))).findFirst().orElseThrow();
        String theirs = templates.stream().filter(id -> !id.equals(ours)).findFirst().orElseThrow();
        app.jobExecutor().start();

        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : List.of("Overdue", "My group's tasks")) {
          filters.put(name, app.engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId());
        }
        InstanceCopier copier = new InstanceCopier(app.dataSource(), database);
        int seeded = 0;
        String tag = "a";
        // H2 (the demo's database) only at the smaller size unless asked: its 10,000 figures miss already, and
        // seeding and calling it at 100,000 alone took longer than the whole run may (-Dbench.tasklist.h2Large=true)
        boolean largeToo = database == BenchApp.Database.POSTGRES || Boolean.getBoolean("bench.tasklist.h2Large");
        for (int size : largeToo ? List.of(small, large) : List.of(small)) {
          long seedStart = System.nanoTime();
          int perTemplate = (size - (int) app.engine.getTaskService().createTaskQuery().count()) / 2;
          seed(copier, ours, theirs, tag, perTemplate);
          analyze(app);
          long seedNanos = System.nanoTime() - seedStart;
          seeded = (int) app.engine.getTaskService().createTaskQuery().count();
          tag = "b";
          for (Map.Entry<String, String> filter : filters.entrySet()) {
            String load = Bench.load();
            String base = "http://127.0.0.1:" + app.port() + "/engine-rest/filter/" + filter.getValue();
            Timing list = time(base + "/list?firstResult=0&maxResults=15", warmUp, measured);
            Timing count = time(base + "/count", warmUp, measured);
            String key = database + filter.getKey();
            String target = "";
            if (size == small) {
              smallP95.put(key + "list", list.p95);
              smallP95.put(key + "count", count.p95);
            } else {
              target = "list " + verdict(list.p95, smallP95.get(key + "list"))
                  + ", count " + verdict(count.p95, smallP95.get(key + "count"));
            }
            String row = String.format(Locale.ROOT, "| %s | %,d | %s | %,d | %d / %d ms | %d / %d ms | %s | %s | %s |",
                database.label(), seeded, filter.getKey(), count.lastCount, list.p50, list.p95, count.p50, count.p95,
                target, load, Bench.seconds(seedNanos));
            rows.add(row);
            System.out.println("TASKLIST " + row);
          }
        }
        // -Dbench.hold=SECONDS keeps the application and its database for that long, to EXPLAIN by hand
        Thread.sleep(Long.getLong("bench.hold", 0) * 1000);
      }
    }
    Bench.writeSection(TITLE, Bench.header(loadAtStart) + """

        Open `agreedAction` tasks seeded by copying two real ones in the database (executions, task,
        candidate-group link, the engine's task authorization for that group, variables, timer jobs;
        no history rows): half ours (candidate group partnership-managers), half the partner's (over 500
        partner groups), due dates over a year around today, so a partnership manager may see half of
        them and about a quarter are overdue ones they may see (PostgreSQL statistics refreshed with
        `ANALYZE` after seeding). Each filter is called through REST as `pat` (a partnership manager,
        HTTP Basic, authorization on), as Tasklist calls it: `POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15`
        with `Accept: application/hal+json` and the body `%s`, and `POST /engine-rest/filter/{id}/count` with
        the same body; %d calls of each after %d to warm up, one after another. "visible" is the count the
        call answers. Targets: p95 ≤ 300 ms at 100,000 and ≤ 2× the 10,000 figure. H2, the demo's database,
        only at 10,000 (`-Dbench.tasklist.h2Large=true` adds 100,000; it takes many minutes there).

        | database | open tasks | filter | visible | list p50 / p95 | count p50 / p95 | target (p95) | load at start | seeding |
        |---|---:|---|---:|---:|---:|---|---|---:|
        %s
        """.formatted(BODY, measured, warmUp, String.join("\n", rows)));
  }

  private void seed(InstanceCopier copier, String ours, String theirs, String tag, int perTemplate) throws Exception {
    if (perTemplate <= 0) {
      return;
    }
    Map<String, String> task = Map.of(
        "DUE_DATE_", copier.plusDays("t.DUE_DATE_", "MOD(n, 365) - 192"),
        "CREATE_TIME_", copier.plusDays("t.CREATE_TIME_", "-MOD(n, 90)"));
    copier.copy(ours, tag, perTemplate, false, Map.of("ACT_RU_TASK", task));
    String partnerGroup = "t.GROUP_ID_ || '-' || MOD(n, 500)";
    copier.copy(theirs, tag, perTemplate, false, Map.of("ACT_RU_TASK", task,
        "ACT_RU_IDENTITYLINK", Map.of("GROUP_ID_", partnerGroup),
        "ACT_RU_AUTHORIZATION", Map.of("GROUP_ID_", partnerGroup)));
  }

  /** Met, or missed and which half of the target: over 300 ms, over twice the 10,000 figure, or both. */
  static String verdict(long p95, long smallP95) {
    List<String> over = new ArrayList<>();
    if (p95 > 300) {
      over.add("over 300 ms");
    }
    if (p95 > 2 * smallP95) {
      over.add("over 2 × " + smallP95 + " ms");
    }
    return Bench.verdict(over.isEmpty()) + (over.isEmpty() ? "" : " (" + String.join(", ", over) + ")");
  }

  private static void analyze(BenchApp app) throws Exception {
    if (app.database != BenchApp.Database.POSTGRES) {
      return;
    }
    app.analyze();
  }

  private Timing time(String url, int warmUp, int measured) throws Exception {
    List<Long> millis = new ArrayList<>();
    String last = "";
    for (int i = 0; i < warmUp + measured; i++) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("pat:demo".getBytes(UTF_8)))
          .header("Content-Type", "application/json")
          .header("Accept", url.contains("/list") ? "application/hal+json" : "application/json")
          .timeout(Duration.ofMinutes(2))
          .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
      }
      if (i >= warmUp) {
        millis.add(elapsed);
      }
      last = response.body();
    }
    long count = -1;
    if (url.endsWith("/count")) {
      count = Long.parseLong(last.replaceAll("[^0-9]", ""));
    }
    return new Timing(Bench.percentile(millis, 50), Bench.percentile(millis, 95), count);
  }

  private record Timing(long p50, long p95, long lastCount) {
  }
}
