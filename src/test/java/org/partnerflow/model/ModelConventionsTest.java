package org.partnerflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnerflow.model.ModelChecker.Problem;
import org.partnerflow.model.ModelChecker.Rule;

/**
 * The diagrams in processes/ and the forms in forms/ as the Modeler and Tasklist 7.24 meet them
 * ({@code shared/tools/model-lint.py}) and as our conventions name them. Each failure lists every
 * problem of its kind with file and element.
 */
class ModelConventionsTest {

  private static List<Problem> problems;

  @BeforeAll
  static void checkTheProject() throws IOException {
    problems = new ModelChecker().problems(Path.of(""));
  }

  private static List<String> problemsOf(Rule rule) {
    return problems.stream().filter(problem -> problem.rule() == rule).map(Problem::message).toList();
  }

  @Test
  void thereIsADiagramAndEveryFileIsWellFormed() {
    assertThat(problemsOf(Rule.FILES)).isEmpty();
  }

  @Test
  void everyDiagramIsMadeForCamundaPlatform724() {
    assertThat(problemsOf(Rule.PLATFORM)).isEmpty();
  }

  @Test
  void everyExecutableProcessAndDecisionHasAHistoryTimeToLive() {
    assertThat(problemsOf(Rule.HISTORY)).isEmpty();
  }

  @Test
  void everyFlowNodeHasAShapeAndABusinessNameAndEveryFlowAnEdge() {
    assertThat(problemsOf(Rule.LAYOUT_AND_NAMES)).isEmpty();
  }

  @Test
  void everyUserTaskAndStartEventFormRefersToAFormInFormsBoundToTheDeployment() {
    assertThat(problemsOf(Rule.FORM_REFERENCES)).isEmpty();
  }

  @Test
  void everyTimerSaysWhen() {
    assertThat(problemsOf(Rule.TIMERS)).isEmpty();
  }

  @Test
  void everyFormIsReadableWithAUniqueIdUniqueFieldKeysAndASchemaTasklistRenders() {
    assertThat(problemsOf(Rule.FORM_FILES)).isEmpty();
  }

  @Test
  void everyDecisionTableHasADiagram() {
    assertThat(problemsOf(Rule.DECISIONS)).isEmpty();
  }

  @Test
  void everyIdSaysWhatItIsAndNoneIsAModelerDefault() {
    assertThat(problemsOf(Rule.IDS)).isEmpty();
  }

  @Test
  void processAndFormIdsAreTheirFileNamesInCamelCase() {
    assertThat(problemsOf(Rule.FILE_NAMES)).isEmpty();
  }

  @Test
  void theCheckerFindsNoDiagramInAnEmptyProject(@TempDir Path root) throws IOException {
    assertThat(new ModelChecker().check(root)).containsExactly("no diagrams under " + root.resolve("processes"));
  }

  @Test
  void theCheckerReportsEveryProblemOfABrokenDiagramDecisionTableAndForms(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("processes"));
    Files.createDirectories(root.resolve("forms"));
    Files.writeString(root.resolve("forms/ask-something.form"), """
        {"id": "wrongName", "schemaVersion": 18, "components": [
          {"type": "textfield", "key": "a"}, {"type": "group", "components": [{"type": "number", "key": "a"}]}]}""");
    Files.writeString(root.resolve("forms/other.form"), "{\"id\": \"wrongName\", \"components\": []}");
    Files.writeString(root.resolve("forms/broken.form"), "{\"id\": ");
    Files.writeString(root.resolve("processes/sample-flow.bpmn"), """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:modeler="http://camunda.org/schema/modeler/1.0" modeler:executionPlatform="Camunda Platform"
            modeler:executionPlatformVersion="7.23.0">
          <bpmn:message id="PartnerReport" name="partnerflow.partnerReport" />
          <bpmn:process id="otherName" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1" camunda:formRef="missingForm" camunda:formRefBinding="deployment" />
            <bpmn:userTask id="Activity_0abc123" name="Ask" />
            <bpmn:userTask id="Task_Decide" name="Decide" camunda:formRef="wrongName" />
            <bpmn:exclusiveGateway id="Gateway_Unnamed" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Activity_0abc123" />
            <bpmn:intermediateCatchEvent id="Event_Wait" name="Wait"><bpmn:timerEventDefinition id="Timer_Empty" />
            </bpmn:intermediateCatchEvent>
          </bpmn:process>
          <bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement="otherName">
            <bpmndi:BPMNShape bpmnElement="StartEvent_1" /><bpmndi:BPMNShape bpmnElement="Task_Decide" />
            <bpmndi:BPMNShape bpmnElement="Gateway_Unnamed" /><bpmndi:BPMNShape bpmnElement="Event_Wait" />
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>""");
    Files.writeString(root.resolve("processes/decide.dmn"), """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Decide">
          <decision id="decide" name="Decide" />
        </definitions>""");

    List<String> found = new ModelChecker().check(root).stream()
        .map(problem -> problem.replace(root + File.separator, "").replaceFirst("readable form \\(.*", "readable form (…)")).toList();

    String diagram = "processes/sample-flow.bpmn: ";
    assertThat(found).containsExactlyInAnyOrder(
        "forms/ask-something.form: form id wrongName should be askSomethingForm",
        "forms/ask-something.form: form wrongName: schemaVersion above 16 (18), which Tasklist 7.24 does not render",
        "forms/ask-something.form: form wrongName: field key used twice: a",
        "forms/broken.form: not a readable form (…)",
        "forms/other.form: form id wrongName also in forms/ask-something.form",
        "forms/other.form: form id wrongName should be otherForm",
        "forms/other.form: form wrongName has no schemaVersion (Tasklist 7.24 renders up to 16)",
        diagram + "definitions have modeler:executionPlatformVersion 7.23.0, not 7.24",
        diagram + "definitions id Definitions_1 does not say what it is (a Modeler default id)",
        diagram + "message id PartnerReport does not say what it is (Kind_PascalName, " + ModelChecker.ID + ")",
        diagram + "startEvent id StartEvent_1 does not say what it is (a Modeler default id)",
        diagram + "userTask id Activity_0abc123 does not say what it is (a Modeler default id)",
        diagram + "sequenceFlow id Flow_1 does not say what it is (a Modeler default id)",
        diagram + "process otherName has no camunda:historyTimeToLive",
        diagram + "startEvent StartEvent_1 has no name",
        diagram + "startEvent StartEvent_1 refers to form 'missingForm', which no file in forms/ defines",
        diagram + "userTask Activity_0abc123 has no shape in the diagram",
        diagram + "userTask Activity_0abc123 has no camunda:formRef",
        diagram + "userTask Task_Decide should bind its form with formRefBinding=\"deployment\"",
        diagram + "sequenceFlow Flow_1 has no edge in the diagram",
        diagram + "intermediateCatchEvent Event_Wait: a timer in otherName has no date, duration or cycle",
        diagram + "process otherName should be sampleFlow (the file name in camelCase)",
        "processes/decide.dmn: definitions lack modeler:executionPlatform 'Camunda Platform' 7.x",
        "processes/decide.dmn: no DMN diagram shapes (the Modeler shows an empty DRD)",
        "processes/decide.dmn: decision decide has no camunda:historyTimeToLive");
  }
}
