package org.partnerflow.model;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every mail a diagram or the Modeler's element template can name has its three templates. */
class MailTemplatesExistTest {

  private static final Path MAIL = Path.of("src", "main", "resources", "mail");
  private static final Pattern IN_DIAGRAM = Pattern.compile(
      "<camunda:inputParameter name=\"notificationTemplate\">([^<]+)</camunda:inputParameter>");

  @Test
  void everyTemplateTheDiagramsNameExists() throws IOException {
    List<String> named = new ArrayList<>();
    try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
      for (Path diagram : diagrams.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        Matcher matcher = IN_DIAGRAM.matcher(Files.readString(diagram));
        while (matcher.find()) {
          named.add(matcher.group(1).strip());
        }
      }
    }
    assertThat(named).isNotEmpty();
    assertThat(missing(named)).isEmpty();
  }

  @Test
  void everyTemplateTheElementTemplateOffersExists() throws IOException {
    JsonNode templates = new ObjectMapper().readTree(
        Path.of("processes", ".camunda", "element-templates", "send-notification.json").toFile());
    List<String> offered = new ArrayList<>();
    templates.get(0).get("properties").forEach(property -> property.path("choices")
        .forEach(choice -> offered.add(choice.get("value").asText())));
    assertThat(offered).isNotEmpty();
    assertThat(missing(offered)).isEmpty();
    assertThat(templates.get(0).get("properties").findValuesAsText("value")).contains("${sendNotificationDelegate}");
  }

  private static List<String> missing(List<String> names) {
    return names.stream().flatMap(name -> Stream.of(name + "-subject.txt", name + ".html", name + ".txt"))
        .filter(file -> !Files.exists(MAIL.resolve(file))).toList();
  }
}
