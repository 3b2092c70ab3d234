package org.partnerflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagrams and forms as the Modeler and Tasklist meet them, and our naming conventions. */
class ModelLintTest {

  @Test
  void theProjectsDiagramsDecisionTablesAndFormsHaveNoProblems() throws IOException {
    assertThat(new ModelChecker().check(Path.of("."))).isEmpty();
  }

  @Test
  void theCheckerReportsEachKindOfProblem(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("processes"));
    Files.createDirectories(root.resolve("forms"));
    Files.writeString(root.resolve("forms/ask-something.form"), """
        {"id": "wrongName", "schemaVersion": 18, "components": [
          {"type": "textfield", "key": "a"}, {"type": "group", "components": [{"type": "number", "key": "a"}]}]}
        """);
    Files.writeString(root.resolve("processes/sample-flow.bpmn"), """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
          <bpmn:process id="otherName" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1" />
            <bpmn:userTask id="Activity_0abc123" name="Ask" camunda:formRef="missingForm" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Activity_0abc123" />
            <bpmn:intermediateCatchEvent id="Event_Wait" name="Wait"><bpmn:timerEventDefinition id="Timer_Empty"/>
            </bpmn:intermediateCatchEvent>
          </bpmn:process>
          <bpmndi:BPMNDiagram><bpmndi:BPMNPlane bpmnElement="otherName">
            <bpmndi:BPMNShape bpmnElement="StartEvent_1" /></bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """);

    assertThat(new ModelChecker().check(root)).anySatisfy(p -> assertThat(p).contains("form id wrongName should be askSomethingForm"))
        .anySatisfy(p -> assertThat(p).contains("schemaVersion above 16"))
        .anySatisfy(p -> assertThat(p).contains("field key used twice: a"))
        .anySatisfy(p -> assertThat(p).contains("lack modeler:executionPlatform"))
        .anySatisfy(p -> assertThat(p).contains("process otherName should be sampleFlow"))
        .anySatisfy(p -> assertThat(p).contains("has no camunda:historyTimeToLive"))
        .anySatisfy(p -> assertThat(p).contains("startEvent id StartEvent_1 does not say what it is"))
        .anySatisfy(p -> assertThat(p).contains("userTask Activity_0abc123 has no shape"))
        .anySatisfy(p -> assertThat(p).contains("startEvent StartEvent_1 has no name"))
        .anySatisfy(p -> assertThat(p).contains("refers to form 'missingForm'"))
        .anySatisfy(p -> assertThat(p).contains("sequenceFlow Flow_1 has no edge"))
        .anySatisfy(p -> assertThat(p).contains("a timer in otherName has no date"));
  }
}
