package org.partnerflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Modeler's element templates name only processes and steps that exist. */
class ElementTemplatesTest {

  private static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates");

  @Test
  void everyTemplateHasAnIdANameAndWhatItAppliesTo() throws IOException {
    for (JsonNode template : templates()) {
      assertThat(template.path("id").asText()).startsWith("org.partnerflow.");
      assertThat(template.path("name").asText()).isNotBlank();
      assertThat(template.path("appliesTo")).isNotEmpty();
    }
  }

  @Test
  void aTemplateThatCallsAProcessCallsOneInProcesses() throws IOException {
    List<String> processIds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Matcher m = Pattern.compile("<bpmn:process id=\"([^\"]+)\"").matcher(Files.readString(file));
        while (m.find()) {
          processIds.add(m.group(1));
        }
      }
    }
    List<String> called = new ArrayList<>();
    for (JsonNode template : templates()) {
      for (JsonNode property : template.path("properties")) {
        if ("calledElement".equals(property.path("binding").path("name").asText())) {
          called.add(property.path("value").asText());
        }
      }
    }
    assertThat(called).contains("partnershipReview");
    assertThat(processIds).containsAll(called);
  }

  private static List<JsonNode> templates() throws IOException {
    List<JsonNode> all = new ArrayList<>();
    for (File file : TEMPLATES.toFile().listFiles((dir, name) -> name.endsWith(".json"))) {
      new ObjectMapper().readTree(file).forEach(all::add);
    }
    assertThat(all).hasSizeGreaterThanOrEqualTo(2);
    return all;
  }
}
