package org.partnerflow.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Flow-node and sequence-flow coverage of every executable process in the diagrams, added up over
 * the reports camunda-process-test-coverage writes for each test class ({@code <class>/report.json}):
 * an element counts as covered when any test class passed it. A process no report mentions has
 * coverage 0. The elements counted are those the library counts: the process's flow nodes (also
 * inside sub-processes) and the sequence flows leaving them.
 */
final class ProcessCoverage {

  /** One executable process of a diagram, its elements and those some test passed. */
  record Measured(String diagram, String processKey, Set<String> elements, Set<String> covered) {

    double percent() {
      return elements.isEmpty() ? 100.0 : 100.0 * covered.size() / elements.size();
    }

    Set<String> missed() {
      Set<String> missed = new TreeSet<>(elements);
      missed.removeAll(covered);
      return missed;
    }
  }

  private ProcessCoverage() {
  }

  /** Every executable process of every {@code .bpmn} in {@code diagrams}, measured against the reports under {@code reports}. */
  static List<Measured> measure(Path diagrams, Path reports) throws IOException {
    Map<String, Set<String>> passed = passedElements(reports);
    List<Measured> result = new ArrayList<>();
    for (Path diagram : files(diagrams, ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (!process.isExecutable()) {
          continue;
        }
        Set<String> elements = elements(model, process);
        Set<String> covered = new TreeSet<>(passed.getOrDefault(process.getId(), Set.of()));
        covered.retainAll(elements);
        result.add(new Measured(diagram.getFileName().toString(), process.getId(), elements, covered));
      }
    }
    return result;
  }

  /** The ids of the elements each process (by key) passed in any report under {@code reports}. */
  static Map<String, Set<String>> passedElements(Path reports) throws IOException {
    Map<String, Set<String>> passed = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (Path report : reports(reports)) {
      for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            passed.computeIfAbsent(event.path("modelKey").asText(), key -> new TreeSet<>())
                .add(event.path("definitionKey").asText());
          }
        }
      }
    }
    return passed;
  }

  /** The report files under {@code reports}, one per test class that ran a process. */
  static List<Path> reports(Path reports) throws IOException {
    if (!Files.isDirectory(reports)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(reports, 2)) {
      return files.filter(path -> path.getFileName().toString().equals("report.json")).sorted().toList();
    }
  }

  /** A table: one line per process, its coverage, and whether it reaches {@code minimumPercent}. */
  static String table(List<Measured> measured, double minimumPercent) {
    StringBuilder table = new StringBuilder(String.format("%-32s %-24s %9s %8s  %s%n", "diagram", "process",
        "covered", "percent", "minimum " + format(minimumPercent) + " %"));
    for (Measured process : measured) {
      table.append(String.format("%-32s %-24s %4d/%-4d %7s%%  %s%n", process.diagram(), process.processKey(),
          process.covered().size(), process.elements().size(), format(process.percent()),
          process.percent() >= minimumPercent ? "ok" : below(process)));
    }
    return table.toString();
  }

  private static String below(Measured process) {
    return process.missed().isEmpty() ? "BELOW" : "BELOW, not passed: " + String.join(", ", process.missed());
  }

  private static String format(double percent) {
    return String.format("%.1f", Math.floor(percent * 10) / 10);
  }

  private static Set<String> elements(BpmnModelInstance model, Process process) {
    Set<FlowNode> nodes = model.getModelElementsByType(FlowNode.class).stream()
        .filter(node -> belongsTo(node, process)).collect(Collectors.toSet());
    Set<String> elements = new TreeSet<>();
    nodes.forEach(node -> elements.add(node.getId()));
    model.getModelElementsByType(SequenceFlow.class).stream().filter(flow -> nodes.contains(flow.getSource()))
        .forEach(flow -> elements.add(flow.getId()));
    return elements;
  }

  private static boolean belongsTo(ModelElementInstance element, Process process) {
    for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof Process) {
        return parent.equals(process);
      }
    }
    return false;
  }

  private static List<Path> files(Path folder, String extension) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(path -> path.toString().endsWith(extension)).sorted().toList();
    }
  }
}
