package org.partnerflow.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks diagrams and forms the way the Modeler and Tasklist meet them: the checks of
 * {@code shared/tools/model-lint.py}, plus our naming conventions. Returns one line per problem.
 */
class ModelChecker {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String DI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
  static final String MODELER = "http://camunda.org/schema/modeler/1.0";
  static final String DMN_DI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

  static final Set<String> FLOW_NODES = Set.of("task", "userTask", "serviceTask", "sendTask", "receiveTask",
      "scriptTask", "businessRuleTask", "manualTask", "callActivity", "subProcess", "startEvent", "endEvent",
      "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "exclusiveGateway", "parallelGateway",
      "inclusiveGateway", "eventBasedGateway");
  static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
      "eventBasedGateway");
  /** Our id convention: Kind_PascalName. */
  static final Pattern ID = Pattern.compile("(Task|Gateway|SequenceFlow|StartEvent|EndEvent|BoundaryEvent|Event"
      + "|CallActivity|SubProcess|Message|Error|Signal|Timer)_[A-Z][A-Za-z0-9]*");
  /** What the Modeler generates: Activity_0abc123, Flow_1x2y3z4, StartEvent_1. */
  static final Pattern MODELER_DEFAULT = Pattern.compile("[A-Za-z]+_([0-9][0-9a-z]{6}|[0-9]+)");

  private final List<String> problems = new ArrayList<>();
  private final Map<String, Path> forms = new HashMap<>();

  List<String> check(Path root) throws IOException {
    checkForms(root.resolve("forms"));
    List<Path> diagrams = files(root.resolve("processes"), ".bpmn");
    if (diagrams.isEmpty()) {
      problems.add("no diagrams under processes/");
    }
    for (Path diagram : diagrams) {
      checkDiagram(diagram);
    }
    for (Path table : files(root.resolve("processes"), ".dmn")) {
      checkDecisionTable(table);
    }
    return problems;
  }

  private void checkForms(Path folder) throws IOException {
    for (Path file : files(folder, ".form")) {
      JsonNode form;
      try {
        form = new ObjectMapper().readTree(file.toFile());
      } catch (IOException e) {
        problems.add(file + ": not a readable form (" + e.getMessage() + ")");
        continue;
      }
      String id = form.path("id").asText("");
      if (id.isEmpty()) {
        problems.add(file + ": form has no id");
        continue;
      }
      if (forms.containsKey(id)) {
        problems.add(file + ": form id " + id + " also in " + forms.get(id));
      }
      forms.put(id, file);
      if (!id.equals(camelCase(file, "Form"))) {
        problems.add(file + ": form id " + id + " should be " + camelCase(file, "Form"));
      }
      if (form.path("schemaVersion").asInt(99) > 16) {
        problems.add(file + ": schemaVersion above 16, which Tasklist 7.24 does not render");
      }
      List<String> keys = new ArrayList<>();
      collectKeys(form.path("components"), keys);
      Set<String> seen = new HashSet<>();
      keys.stream().filter(key -> !seen.add(key)).distinct()
          .forEach(key -> problems.add(file + ": field key used twice: " + key));
    }
  }

  private static void collectKeys(JsonNode components, List<String> keys) {
    for (JsonNode component : components) {
      if (component.has("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }

  private void checkDiagram(Path file) {
    Document document = parse(file);
    if (document == null) {
      return;
    }
    Element definitions = document.getDocumentElement();
    if (!"Camunda Platform".equals(definitions.getAttributeNS(MODELER, "executionPlatform"))
        || !definitions.getAttributeNS(MODELER, "executionPlatformVersion").startsWith("7.24")) {
      problems.add(file + ": definitions lack modeler:executionPlatform 'Camunda Platform' 7.24");
    }
    Set<String> shapes = attributes(document, DI, "BPMNShape", "bpmnElement");
    Set<String> edges = attributes(document, DI, "BPMNEdge", "bpmnElement");
    NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
    for (int p = 0; p < processes.getLength(); p++) {
      Element process = (Element) processes.item(p);
      String processId = process.getAttribute("id");
      if (!processId.equals(camelCase(file, ""))) {
        problems.add(file + ": process " + processId + " should be " + camelCase(file, ""));
      }
      if ("true".equals(process.getAttribute("isExecutable"))
          && process.getAttributeNS(CAMUNDA, "historyTimeToLive").isEmpty()) {
        problems.add(file + ": process " + processId + " has no camunda:historyTimeToLive");
      }
      NodeList all = process.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < all.getLength(); i++) {
        checkElement(file, process, (Element) all.item(i), shapes, edges);
      }
    }
  }

  private void checkElement(Path file, Element process, Element element, Set<String> shapes, Set<String> edges) {
    String kind = element.getLocalName();
    String id = element.getAttribute("id");
    boolean bpmn = BPMN.equals(element.getNamespaceURI());
    if (bpmn && !id.isEmpty() && (FLOW_NODES.contains(kind) || "sequenceFlow".equals(kind))) {
      if (!ID.matcher(id).matches() || MODELER_DEFAULT.matcher(id).matches()) {
        problems.add(file + ": " + kind + " id " + id + " does not say what it is (Kind_PascalName)");
      }
    }
    if (bpmn && FLOW_NODES.contains(kind)) {
      if (!shapes.contains(id)) {
        problems.add(file + ": " + kind + " " + id + " has no shape in the diagram");
      }
      if (element.getAttribute("name").isBlank() && !GATEWAYS.contains(kind)) {
        problems.add(file + ": " + kind + " " + id + " has no name");
      }
      boolean topLevelPlainStart = "startEvent".equals(kind) && element.getParentNode() == process
          && !hasEventDefinition(element);
      if ("userTask".equals(kind) || topLevelPlainStart) {
        checkFormReference(file, kind, id, element);
      }
    }
    if (bpmn && "sequenceFlow".equals(kind) && !edges.contains(id)) {
      problems.add(file + ": sequenceFlow " + id + " has no edge in the diagram");
    }
    if (bpmn && "timerEventDefinition".equals(kind) && element.getTextContent().isBlank()) {
      problems.add(file + ": a timer in " + process.getAttribute("id") + " has no date, duration or cycle");
    }
  }

  private void checkFormReference(Path file, String kind, String id, Element element) {
    String reference = element.hasAttributeNS(CAMUNDA, "formRef") ? element.getAttributeNS(CAMUNDA, "formRef") : null;
    if (reference == null) {
      if (element.getAttributeNS(CAMUNDA, "formKey").startsWith("camunda-forms:")) {
        return;
      }
      if ("userTask".equals(kind)) {
        problems.add(file + ": userTask " + id + " has no camunda:formRef");
      }
      return;
    }
    if (!reference.contains("${") && !forms.containsKey(reference)) {
      problems.add(file + ": " + kind + " " + id + " refers to form '" + reference + "', which no file in forms/ defines");
    }
    if (!"deployment".equals(element.getAttributeNS(CAMUNDA, "formRefBinding"))) {
      problems.add(file + ": " + kind + " " + id + " should bind its form with formRefBinding=\"deployment\"");
    }
  }

  private void checkDecisionTable(Path file) {
    Document document = parse(file);
    if (document == null) {
      return;
    }
    if (document.getElementsByTagNameNS(DMN_DI, "DMNShape").getLength() == 0) {
      problems.add(file + ": no DMN diagram shapes (the Modeler shows an empty DRD)");
    }
    NodeList decisions = document.getElementsByTagNameNS("*", "decision");
    for (int i = 0; i < decisions.getLength(); i++) {
      Element decision = (Element) decisions.item(i);
      if (decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isEmpty()) {
        problems.add(file + ": decision " + decision.getAttribute("id") + " has no camunda:historyTimeToLive");
      }
    }
  }

  private static boolean hasEventDefinition(Element element) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && e.getLocalName().endsWith("EventDefinition")) {
        return true;
      }
    }
    return false;
  }

  private Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      problems.add(file + ": not well-formed XML (" + e.getMessage() + ")");
      return null;
    }
  }

  private static Set<String> attributes(Document document, String namespace, String tag, String attribute) {
    Set<String> values = new HashSet<>();
    NodeList nodes = document.getElementsByTagNameNS(namespace, tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(((Element) nodes.item(i)).getAttribute(attribute));
    }
    return values;
  }

  /** {@code agreed-action.bpmn} → {@code agreedAction} (+ suffix). */
  static String camelCase(Path file, String suffix) {
    String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    StringBuilder result = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        result.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return result + suffix;
  }

  private static List<Path> files(Path folder, String ending) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(path -> path.toString().endsWith(ending)).sorted().toList();
    }
  }
}
