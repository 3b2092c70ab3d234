package org.partnerflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The diagrams pass bpmnlint with the Camunda Modeler's rules for Camunda 7.24 ({@code .bpmnlintrc}). */
class BpmnlintTest {

  private static final Path BPMNLINT = Path.of("node_modules", ".bin", "bpmnlint");

  @Test
  void theDiagramsHaveNoBpmnlintErrors() throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(BPMNLINT),
        "bpmnlint is not installed: run `npm ci` in the project root to check the diagrams as the Modeler does");
    List<String> command = new ArrayList<>(List.of(BPMNLINT.toString()));
    try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
      diagrams.filter(path -> path.toString().endsWith(".bpmn")).sorted().map(Path::toString).forEach(command::add);
    }
    Process bpmnlint = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(bpmnlint.getInputStream().readAllBytes());
    assertThat(bpmnlint.waitFor(120, TimeUnit.SECONDS)).as("bpmnlint finished").isTrue();

    assertThat(bpmnlint.exitValue()).as(output).isZero();
  }
}
