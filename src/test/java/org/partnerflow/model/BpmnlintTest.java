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
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagrams pass bpmnlint as the Camunda Modeler runs it ({@code .bpmnlintrc}: bpmnlint's recommended
 * rules and camunda-compat's Camunda Platform 7.24 rules). Errors fail; warnings are allowed.
 */
class BpmnlintTest {

  private static final Path BPMNLINT = Path.of("node_modules", ".bin", "bpmnlint");
  private static final long TIMEOUT_SECONDS = 120;
  private static final String NOT_INSTALLED =
      "bpmnlint is not installed: run `npm ci` in the project root to lint the diagrams as the Camunda Modeler does";

  @Test
  void theDiagramsHaveNoBpmnlintErrors(@TempDir Path scratch) throws IOException, InterruptedException {
    if (!Files.isExecutable(BPMNLINT)) {
      // Surefire's console shows only "Skipped: 1", not the reason: say it where a developer looks
      System.err.println("BpmnlintTest skipped: " + NOT_INSTALLED);
    }
    Assumptions.assumeTrue(Files.isExecutable(BPMNLINT), NOT_INSTALLED);
    List<String> command = new ArrayList<>(List.of(BPMNLINT.toString()));
    try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
      diagrams.map(Path::toString).filter(name -> name.endsWith(".bpmn")).sorted().forEach(command::add);
    }
    Assumptions.assumeTrue(command.size() > 1, "no diagrams under processes/ to lint");

    // output to a file, not a pipe: a full pipe would block bpmnlint and the timeout could not work
    Path output = scratch.resolve("bpmnlint.txt");
    Process bpmnlint = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    boolean finished = bpmnlint.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      bpmnlint.destroyForcibly();
    }
    String report = Files.readString(output);

    assertThat(finished).as("bpmnlint finished within %d s; it printed:%n%s", TIMEOUT_SECONDS, report).isTrue();
    assertThat(bpmnlint.exitValue()).as("bpmnlint reported errors in %s:%n%s", command.subList(1, command.size()), report)
        .isZero();
  }
}
