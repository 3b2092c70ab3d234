package org.partnerflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnerflow.model.ProcessCoverage.Measured;

/** How the coverage gate counts: per process, over the reports of every test class together. */
class ProcessCoverageTests {

  @TempDir
  Path root;
  Path diagrams;
  Path reports;

  @BeforeEach
  void twoDiagrams() throws IOException {
    diagrams = Files.createDirectories(root.resolve("processes"));
    reports = root.resolve("reports");
    // start -> task -> end: 3 flow nodes and 2 sequence flows
    Bpmn.writeModelToFile(diagrams.resolve("one-task.bpmn").toFile(), Bpmn.createExecutableProcess("oneTask")
        .startEvent("StartEvent_Begun").sequenceFlowId("SequenceFlow_ToWork").userTask("Task_Work")
        .sequenceFlowId("SequenceFlow_ToEnd").endEvent("EndEvent_Done").done());
    Bpmn.writeModelToFile(diagrams.resolve("never-run.bpmn").toFile(), Bpmn.createExecutableProcess("neverRun")
        .startEvent("StartEvent_Begun").endEvent("EndEvent_Done").done());
  }

  @Test
  void aDiagramPassedHalfByOneTestClassAndHalfByAnotherIsFullyCovered() throws IOException {
    report("FirstTest", "oneTask", "StartEvent_Begun", "SequenceFlow_ToWork", "Task_Work");
    report("SecondTest", "oneTask", "Task_Work", "SequenceFlow_ToEnd", "EndEvent_Done");

    Measured oneTask = measured("oneTask");

    assertThat(oneTask.elements()).hasSize(5);
    assertThat(oneTask.covered()).hasSize(5);
    assertThat(oneTask.percent()).isEqualTo(100.0);
  }

  @Test
  void aDiagramNoTestRunsHasNoCoverageAndIsBelowTheMinimum() throws IOException {
    report("FirstTest", "oneTask", "StartEvent_Begun");

    Measured neverRun = measured("neverRun");

    assertThat(neverRun.percent()).isZero();
    assertThat(ProcessCoverage.table(List.of(neverRun), 90)).contains("never-run.bpmn", "neverRun", "0/3",
        "BELOW, not passed: EndEvent_Done, StartEvent_Begun");
  }

  @Test
  void elementsWithTheSameIdInAnotherProcessDoNotCount() throws IOException {
    report("FirstTest", "oneTask", "StartEvent_Begun", "EndEvent_Done");

    assertThat(measured("neverRun").covered()).isEmpty();
    assertThat(measured("oneTask").percent()).isEqualTo(40.0);
    assertThat(ProcessCoverage.table(List.of(measured("oneTask")), 40)).contains("2/5", "40.0%  ok");
  }

  private Measured measured(String processKey) throws IOException {
    return ProcessCoverage.measure(diagrams, reports).stream()
        .filter(process -> process.processKey().equals(processKey)).findFirst().orElseThrow();
  }

  /** A report as the library writes it for a test class, with one event per element passed. */
  private void report(String testClass, String processKey, String... elementIds) throws IOException {
    String events = Stream.of(elementIds).map(id -> "{\"source\":\"FLOW_NODE\",\"type\":\"START\",\"definitionKey\":\""
        + id + "\",\"elementType\":\"x\",\"modelKey\":\"" + processKey + "\",\"timestamp\":0}")
        .collect(Collectors.joining(","));
    Path folder = Files.createDirectories(reports.resolve(testClass));
    Files.writeString(folder.resolve("report.json"), "{\"suites\":[{\"id\":\"" + testClass + "\",\"name\":\""
        + testClass + "\",\"runs\":[{\"id\":\"run\",\"name\":\"run\",\"events\":[" + events + "]}]}],\"models\":[]}");
  }
}
