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
 * Checks diagrams and forms the way the Modeler and Tasklist meet them: every check of
 * {@code shared/tools/model-lint.py}, plus our conventions (ids, file names, Camunda 7.24, form schema 16).
 * One problem per line, each naming the file and the element.
 */
class ModelChecker {

  /** What a problem is about, so that each test reports only its own kind. */
  enum Rule { FILES, PLATFORM, HISTORY, LAYOUT_AND_NAMES, FORM_REFERENCES, TIMERS, FORM_FILES, DECISIONS, IDS, FILE_NAMES }

  record Problem(Rule rule, String message) {}

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
  /** Elements whose ids must follow our convention; others (definitions, event definitions) only must not be defaults. */
  static final Set<String> NAMED_KINDS = Set.of("sequenceFlow", "message", "error", "signal");
  /** Our id convention: Kind_PascalName. */
  static final Pattern ID = Pattern.compile("(Task|Gateway|SequenceFlow|StartEvent|EndEvent|BoundaryEvent|Event"
      + "|CallActivity|SubProcess|Message|Error|Signal|Timer)_[A-Z][A-Za-z0-9]*");
  /** What the Modeler generates: Activity_0abc123, Flow_1x2y3z4, Gateway_0p9o8i7, StartEvent_1, Definitions_1. */
  static final Pattern MODELER_RANDOM = Pattern.compile("(Activity|Event|Gateway|Flow|StartEvent|Task)_[0-9a-z]{7}$");
  static final Pattern MODELER_NUMBERED = Pattern.compile("[A-Za-z]+_[0-9]+");
  /** Tasklist 7.24 renders Camunda Forms up to this schema version. */
  static final int MAX_SCHEMA_VERSION = 16;

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Path> forms = new HashMap<>();

  /** All problems under {@code root} (the project root, holding processes/ and forms/), as lines. */
  List<String> check(Path root) throws IOException {
    return problems(root).stream().map(Problem::message).toList();
  }

  List<Problem> problems(Path root) throws IOException {
    checkForms(root.resolve("forms"));
    List<Path> diagrams = files(root.resolve("processes"), ".bpmn");
    if (diagrams.isEmpty()) {
      report(Rule.FILES, "no diagrams under " + root.resolve("processes"));
    }
    diagrams.forEach(this::checkDiagram);
    files(root.resolve("processes"), ".dmn").forEach(this::checkDecisionTable);
    return List.copyOf(problems);
  }

  private void report(Rule rule, String message) {
    problems.add(new Problem(rule, message));
  }

  private void checkForms(Path folder) throws IOException {
    for (Path file : files(folder, ".form")) {
      JsonNode form;
      try {
        form = new ObjectMapper().readTree(file.toFile());
      } catch (IOException e) {
        report(Rule.FORM_FILES, file + ": not a readable form (" + e.getMessage().replaceAll("\\s*\\R\\s*", " ") + ")");
        continue;
      }
      String id = form == null ? "" : form.path("id").asText("");
      if (id.isBlank()) {
        report(Rule.FORM_FILES, file + ": form has no id");
        continue;
      }
      if (forms.containsKey(id)) {
        report(Rule.FORM_FILES, file + ": form id " + id + " also in " + forms.get(id));
      }
      forms.put(id, file);
      if (!id.equals(camelCase(file, "Form"))) {
        report(Rule.FILE_NAMES, file + ": form id " + id + " should be " + camelCase(file, "Form"));
      }
      JsonNode schemaVersion = form.path("schemaVersion");
      if (!schemaVersion.isInt()) {
        report(Rule.FORM_FILES, file + ": form " + id + " has no schemaVersion (Tasklist 7.24 renders up to "
            + MAX_SCHEMA_VERSION + ")");
      } else if (schemaVersion.asInt() > MAX_SCHEMA_VERSION) {
        report(Rule.FORM_FILES, file + ": form " + id + ": schemaVersion above " + MAX_SCHEMA_VERSION + " ("
            + schemaVersion.asInt() + "), which Tasklist 7.24 does not render");
      }
      List<String> keys = new ArrayList<>();
      collectKeys(form.path("components"), keys);
      Set<String> seen = new HashSet<>();
      keys.stream().filter(key -> !seen.add(key)).distinct().sorted()
          .forEach(key -> report(Rule.FORM_FILES, file + ": form " + id + ": field key used twice: " + key));
    }
  }

  private static void collectKeys(JsonNode components, List<String> keys) {
    for (JsonNode component : components) {
      if (!component.path("key").asText("").isEmpty()) {
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
    checkPlatform(file, document.getDocumentElement());
    checkIds(file, document);
    Set<String> shapes = attributes(document, DI, "BPMNShape", "bpmnElement");
    Set<String> edges = attributes(document, DI, "BPMNEdge", "bpmnElement");
    NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
    Set<String> processIds = new HashSet<>();
    for (int p = 0; p < processes.getLength(); p++) {
      Element process = (Element) processes.item(p);
      String processId = process.getAttribute("id");
      processIds.add(processId);
      if ("true".equals(process.getAttribute("isExecutable"))
          && process.getAttributeNS(CAMUNDA, "historyTimeToLive").isEmpty()) {
        report(Rule.HISTORY, file + ": process " + processId + " has no camunda:historyTimeToLive");
      }
      NodeList all = process.getElementsByTagNameNS(BPMN, "*");
      for (int i = 0; i < all.getLength(); i++) {
        checkElement(file, process, (Element) all.item(i), shapes, edges);
      }
    }
    if (!processIds.contains(camelCase(file, ""))) {
      report(Rule.FILE_NAMES, file + ": process " + String.join(", ", processIds) + " should be "
          + camelCase(file, "") + " (the file name in camelCase)");
    }
  }

  /** model-lint.py asks for 7.x; we run on 7.24, so the Modeler must offer 7.24's properties and rules. */
  private void checkPlatform(Path file, Element definitions) {
    String version = definitions.getAttributeNS(MODELER, "executionPlatformVersion");
    if (!"Camunda Platform".equals(definitions.getAttributeNS(MODELER, "executionPlatform"))
        || !version.startsWith("7.")) {
      report(Rule.PLATFORM, file + ": definitions lack modeler:executionPlatform 'Camunda Platform' 7.x");
    } else if (!version.startsWith("7.24")) {
      report(Rule.PLATFORM, file + ": definitions have modeler:executionPlatformVersion " + version + ", not 7.24");
    }
  }

  private void checkIds(Path file, Document document) {
    NodeList all = document.getElementsByTagNameNS(BPMN, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      String kind = element.getLocalName();
      String id = element.getAttribute("id");
      if (id.isEmpty()) {
        continue;
      }
      if (MODELER_RANDOM.matcher(id).find() || MODELER_NUMBERED.matcher(id).matches()) {
        report(Rule.IDS, file + ": " + kind + " id " + id + " does not say what it is (a Modeler default id)");
      } else if ((FLOW_NODES.contains(kind) || NAMED_KINDS.contains(kind)) && !ID.matcher(id).matches()) {
        report(Rule.IDS, file + ": " + kind + " id " + id + " does not say what it is (Kind_PascalName, " + ID + ")");
      }
    }
  }

  private void checkElement(Path file, Element process, Element element, Set<String> shapes, Set<String> edges) {
    String kind = element.getLocalName();
    String id = element.getAttribute("id");
    if (FLOW_NODES.contains(kind)) {
      if (!shapes.contains(id)) {
        report(Rule.LAYOUT_AND_NAMES, file + ": " + kind + " " + id + " has no shape in the diagram");
      }
      if (element.getAttribute("name").isBlank() && !GATEWAYS.contains(kind)) {
        report(Rule.LAYOUT_AND_NAMES, file + ": " + kind + " " + id + " has no name");
      }
      boolean processStartForm = "startEvent".equals(kind) && element.getParentNode() == process
          && !hasEventDefinition(element);
      if ("userTask".equals(kind) || processStartForm) {
        checkFormReference(file, kind, id, element);
      }
    }
    if ("sequenceFlow".equals(kind) && !edges.contains(id)) {
      report(Rule.LAYOUT_AND_NAMES, file + ": sequenceFlow " + id + " has no edge in the diagram");
    }
    if ("timerEventDefinition".equals(kind) && element.getTextContent().isBlank()) {
      Element event = (Element) element.getParentNode();
      report(Rule.TIMERS, file + ": " + event.getLocalName() + " " + event.getAttribute("id") + ": a timer in "
          + process.getAttribute("id") + " has no date, duration or cycle");
    }
  }

  private void checkFormReference(Path file, String kind, String id, Element element) {
    if (!element.hasAttributeNS(CAMUNDA, "formRef")) {
      if ("userTask".equals(kind) && !element.getAttributeNS(CAMUNDA, "formKey").startsWith("camunda-forms:")) {
        report(Rule.FORM_REFERENCES, file + ": userTask " + id + " has no camunda:formRef");
      }
      return;
    }
    String reference = element.getAttributeNS(CAMUNDA, "formRef");
    if (!reference.contains("${") && !forms.containsKey(reference)) {
      report(Rule.FORM_REFERENCES, file + ": " + kind + " " + id + " refers to form '" + reference
          + "', which no file in forms/ defines");
    }
    // the README's convention: forms are deployed with the diagram and bound to that deployment
    if (!"deployment".equals(element.getAttributeNS(CAMUNDA, "formRefBinding"))) {
      report(Rule.FORM_REFERENCES, file + ": " + kind + " " + id + " should bind its form with formRefBinding=\"deployment\"");
    }
  }

  private void checkDecisionTable(Path file) {
    Document document = parse(file);
    if (document == null) {
      return;
    }
    checkPlatform(file, document.getDocumentElement());
    if (document.getElementsByTagNameNS(DMN_DI, "DMNShape").getLength() == 0) {
      report(Rule.DECISIONS, file + ": no DMN diagram shapes (the Modeler shows an empty DRD)");
    }
    NodeList decisions = document.getElementsByTagNameNS("*", "decision");
    for (int i = 0; i < decisions.getLength(); i++) {
      Element decision = (Element) decisions.item(i);
      if (decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isEmpty()) {
        report(Rule.HISTORY, file + ": decision " + decision.getAttribute("id") + " has no camunda:historyTimeToLive");
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
      report(Rule.FILES, file + ": not well-formed XML (" + e.getMessage() + ")");
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
      if (c == '-' || c == '_') {
        upper = true;
      } else {
        result.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return result + suffix;
  }

  /** Files under folder with that ending, as model-lint.py's glob finds them: hidden folders (.camunda) left out. */
  private static List<Path> files(Path folder, String ending) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(path -> path.toString().endsWith(ending))
          .filter(path -> !folder.relativize(path).toString().matches("(.*/)?\\..*")).sorted().toList();
    }
  }
}
