package org.partnerflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.junit.jupiter.api.Test;
import org.partnerflow.model.ProcessCoverage.Measured;

/**
 * The build's process coverage gate. Maven runs it in the {@code verify} phase, after every test
 * (a surefire execution of its own, see pom.xml): each executable process in processes/ must reach
 * the minimum ({@code process-coverage.minimum} in pom.xml, in percent) of its flow nodes and
 * sequence flows, counted over all test classes together. A diagram no test runs has 0 % and fails.
 * Prints the table, keeps it in {@code target/process-test-coverage/coverage-by-diagram.txt} and
 * writes one report of all test classes to {@code target/process-test-coverage/all/report.html}.
 */
class ProcessCoverageGate {

  private static final String MINIMUM = "partnerflow.process-coverage.minimum";
  private static final Path REPORTS = Path.of("target", "process-test-coverage");

  @Test
  void everyDiagramIsCoveredAtLeastToTheMinimumByAllTestsTogether() throws IOException {
    String minimum = System.getProperty(MINIMUM);
    assertThat(minimum).as("system property %s (Maven sets it from process-coverage.minimum in pom.xml: run mvn verify)",
        MINIMUM).isNotBlank();
    List<Path> reports = ProcessCoverage.reports(REPORTS);
    assertThat(reports).as("coverage reports under %s: the process tests must run first (mvn verify)", REPORTS)
        .isNotEmpty();

    double minimumPercent = Double.parseDouble(minimum);
    List<Measured> measured = ProcessCoverage.measure(Path.of("processes"), REPORTS);
    String table = ProcessCoverage.table(measured, minimumPercent);
    System.out.println("Process coverage over " + reports.size() + " test classes:\n" + table);
    Files.writeString(REPORTS.resolve("coverage-by-diagram.txt"), table);
    writeReportOfAllTestClasses(reports);

    assertThat(measured).as("executable processes in processes/").isNotEmpty();
    assertThat(measured.stream().filter(process -> process.percent() < minimumPercent).map(Measured::processKey))
        .as("processes below %s %% of their flow nodes and sequence flows:%n%s", minimum, table).isEmpty();
  }

  /** The library's HTML report, fed with every test class's results, to see what no test passes. */
  private static void writeReportOfAllTestClasses(List<Path> reports) throws IOException {
    String all = Files.readString(reports.get(0));
    for (Path report : reports.subList(1, reports.size())) {
      all = CoverageStateJsonExporter.combineCoverageStateResults(all, Files.readString(report));
    }
    CoverageReportUtil.writeReport(all, true, new File(REPORTS.toFile(), "all"), "report.html",
        CoverageReportUtil::generateHtml);
  }
}
