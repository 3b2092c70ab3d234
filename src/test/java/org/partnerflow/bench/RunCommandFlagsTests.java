package org.partnerflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** README's {@code mvn spring-boot:run} starts the JVM with the flags whose start-up and memory the benchmark records. */
class RunCommandFlagsTests {

  @Test
  void theRunCommandStartsWithTheMemoryFlagsTheStartupBenchmarkMeasures() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    Document pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    String flags = XPathFactory.newInstance().newXPath().evaluate(
        "/*[local-name()='project']/*[local-name()='build']/*[local-name()='plugins']/*[local-name()='plugin']"
            + "[*[local-name()='artifactId']='spring-boot-maven-plugin']/*[local-name()='configuration']"
            + "/*[local-name()='jvmArguments']", pom);

    assertThat(Arrays.asList(flags.strip().split("\\s+"))).as("jvmArguments of spring-boot-maven-plugin in pom.xml")
        .isEqualTo(StartupBenchmark.MEMORY_FLAGS);
  }
}
