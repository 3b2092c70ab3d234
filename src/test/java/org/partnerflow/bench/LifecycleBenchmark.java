package org.partnerflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.Journey;

/**
 * Partnerships driven through their whole life by the Java API as the people who do each step (the
 * form service Tasklist uses, authorization on): proposed, evaluated, decided, drafted, signed off three
 * times, confirmed by the partner, both agreed actions done, our progress report, and a review that
 * decides to end it, confirmed by the partner and closed. Asynchronous steps and the two timers that
 * start the report and the review are run by the driver ({@link Journey#runJobs}), as the tests do.
 * Against a bare process with the same start form, user tasks and timers, deployed by the benchmark
 * and driven the same way. One thread; prints and records partnerships per minute; asserts nothing
 * about time.
 */
class LifecycleBenchmark {

  static final String TITLE = "Lifecycle throughput against a bare process";
  /** Our lifecycle's user tasks after the proposal's start form, and its timers. */
  private static final int USER_TASKS = 12;
  private static final int TIMERS = 2;

  @Test
  void lifecycleThroughput() throws Exception {
    // -Dbench.lifecycle.partnerships=N times more of each for a steadier ratio (ten take about 10 s of ours)
    int measured = Integer.getInteger("bench.lifecycle.partnerships", Bench.size(10, 3));
    int warmUp = Integer.getInteger("bench.lifecycle.warmUp", 3);
    String loadAtStart = Bench.load();
    List<String> rows = new ArrayList<>();
    for (BenchApp.Database database : Bench.databases()) {
      try (BenchApp app = BenchApp.start(database, "lifecycle", true)) {
        app.jobExecutor().shutdown(); // the driver runs the jobs, as the tests do
        Journey journey = new Journey(app.engine);
        deployBaseline(app.engine);

        for (int i = 0; i < warmUp; i++) {
          ours(app.engine, journey, "Warm-up Trust " + i, "warm" + i);
        }
        String loadOurs = Bench.load();
        long start = System.nanoTime();
        for (int i = 1; i <= measured; i++) {
          ours(app.engine, journey, "Lifecycle Trust " + i, "life" + i);
        }
        long oursNanos = System.nanoTime() - start;

        for (int i = 0; i < warmUp; i++) {
          baseline(app.engine, journey);
        }
        String loadBaseline = Bench.load();
        start = System.nanoTime();
        for (int i = 1; i <= measured; i++) {
          baseline(app.engine, journey);
        }
        long baselineNanos = System.nanoTime() - start;

        double oursPerMinute = measured * 60e9 / oursNanos;
        double baselinePerMinute = measured * 60e9 / baselineNanos;
        double ratio = oursPerMinute / baselinePerMinute;
        String row = String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %s | ≥ 0.50: %s | %s / %s |",
            database.label(), measured, oursPerMinute, baselinePerMinute, Bench.ratio(ratio),
            Bench.verdict(ratio >= 0.5), loadOurs, loadBaseline);
        rows.add(row);
        System.out.println("LIFECYCLE " + row);
      }
    }
    Bench.writeSection(TITLE, Bench.header(loadAtStart) + """

        Whole partnerships, one after another on one thread, through the Java API as the people who do each
        step (`FormService`, authenticated as the user with their groups, authorization on; `Journey`): propose
        (start form), evaluate, decide, draft, the three sign-offs, the partner's confirmation, both agreed
        actions done, our progress report, a review that decides to end, the partner's confirmation of the
        record, and the exit steps: %d user tasks and %d timers (the reporting period and the review cycle,
        executed when due by the driver), with every asynchronous step (mails, the exit) run by the driver as
        the tests do. *Baseline*: a bare process deployed by the benchmark with a start form, the same %d user
        tasks (candidate group partnership-managers, each claimed and submitted with two variables) and %d
        timers, driven the same way. %d warm-up partnerships each first, not counted (`-Dbench.lifecycle.warmUp`), so both
        are timed with the code compiled. Ratio: our partnerships per
        minute / the baseline's (target ≥ 0.5).

        | database | partnerships | ours per minute | baseline per minute | ratio | target | load at start (ours / baseline) |
        |---|---:|---:|---:|---:|---|---|
        %s
        """.formatted(USER_TASKS, TIMERS, USER_TASKS, TIMERS, warmUp, String.join("\n", rows)));
  }

  /** One partnership from proposal to its end. */
  private static void ours(ProcessEngine engine, Journey journey, String organisation, String partnerUser) {
    ProcessInstance collaboration = journey.runningPartnership(organisation, partnerUser);
    String reference = collaboration.getBusinessKey();
    journey.complete(instance(engine, "agreedAction", reference, "Lend 20 laptops"), "Task_CarryOutAction", "pat",
        Map.of("actionOutcome", "done"));
    journey.complete(instance(engine, "agreedAction", reference, "Run 10 sessions"), "Task_CarryOutAction",
        partnerUser, Map.of("actionOutcome", "done"));

    fire(engine, collaboration, "StartEvent_OurReportingPeriodEnds");
    ProcessInstance report = instance(engine, "progressReport", reference, null);
    journey.complete(report, "Task_PrepareOurReport", "pat", Journey.ourReport());
    journey.runJobs(report);

    fire(engine, collaboration, "StartEvent_ReviewDue");
    ProcessInstance review = instance(engine, "partnershipReview", reference, null);
    journey.runJobs(review);
    journey.complete(review, "Task_HoldReview", "pat", Journey.heldReview("end", null));
    journey.runJobs(review);
    journey.complete(review, "Task_ConfirmReviewRecord", partnerUser, Map.of("reviewAnswer", "confirm"));
    journey.runJobs(collaboration);
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count() > 0) {
      throw new IllegalStateException(organisation + " did not end: " + engine.getRuntimeService()
          .createProcessInstanceQuery().processInstanceBusinessKey(reference).list());
    }
  }

  private static void fire(ProcessEngine engine, ProcessInstance instance, String timer) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(timer).singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  private static ProcessInstance instance(ProcessEngine engine, String key, String reference, String actionTitle) {
    var query = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(reference).active();
    if (actionTitle != null) {
      query.variableValueEquals("actionTitle", actionTitle);
    }
    return query.singleResult();
  }

  /** A start form, {@link #USER_TASKS} user tasks and {@link #TIMERS} timers in one line. */
  private static void deployBaseline(ProcessEngine engine) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("benchLifecycleBaseline")
        .camundaHistoryTimeToLive(180).startEvent("Start").camundaFormField().camundaId("organisationName")
        .camundaType("string").camundaFormFieldDone();
    for (int i = 1; i <= USER_TASKS; i++) {
      flow = flow.userTask("Task_" + i).camundaCandidateGroups("partnership-managers");
      if (i == 10 || i == 11) {
        flow = flow.intermediateCatchEvent("Timer_" + i).timerWithDuration("P30D");
      }
    }
    engine.getRepositoryService().createDeployment().name("benchmark baseline")
        .addModelInstance("bench-lifecycle-baseline.bpmn", flow.endEvent().done()).deploy();
    Authorization start = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    start.setGroupId("partnership-managers");
    start.setResource(Resources.PROCESS_DEFINITION);
    start.setResourceId("benchLifecycleBaseline");
    start.addPermission(Permissions.READ);
    start.addPermission(Permissions.CREATE_INSTANCE);
    engine.getAuthorizationService().saveAuthorization(start);
  }

  private static void baseline(ProcessEngine engine, Journey journey) {
    ProcessInstance instance = journey.start("benchLifecycleBaseline", "pat", Map.of("organisationName", "Bare"));
    for (int i = 1; i <= USER_TASKS; i++) {
      Task task = journey.task(instance, "Task_" + i);
      journey.complete(instance, "Task_" + i, "pat", Map.of("outcome", "done", "note", "Step " + i));
      if (task != null && (i == 10 || i == 11)) {
        fire(engine, instance, "Timer_" + i);
      }
      journey.runJobs(instance);
    }
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
      throw new IllegalStateException("The baseline did not end");
    }
  }
}
