package org.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A deployment is code that runs on the server. Only administrators may deploy, and nobody may deploy
 * a script: Partnerflow's processes use Java delegates and expressions only.
 */
@PartnerflowSpringTest
class DeploymentRestrictionsTests {

  static final String PLAIN = """
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
        <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
          %s
          <startEvent id="StartEvent_Probe"/>
        </process>
      </definitions>
      """;

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;

  @Test
  void nobodyButAnAdministratorMayDeploy() {
    for (String user : List.of("pat", "sam", "fran", "dana", "riley")) {
      ResponseEntity<String> refused = deploy(user, "demo", "probe.bpmn", PLAIN.formatted("userProbe", ""));

      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("userProbe")
        .count()).isZero();

    ResponseEntity<String> deployed = deploy("admin", "admin", "probe.bpmn", PLAIN.formatted("adminProbe", ""));
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    engine.getRepositoryService().deleteDeployment(
        engine.getRepositoryService().createDeploymentQuery().deploymentName("probe").singleResult().getId(), true);
  }

  @Test
  void aScriptTaskIsRefusedEvenFromAnAdministrator() {
    ResponseEntity<String> refused = deploy("admin", "admin", "script.bpmn", PLAIN.formatted("scriptProbe", """
        <scriptTask id="Task_Script" scriptFormat="juel"><script>${'anything'}</script></scriptTask>
        """));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Scripts are not allowed in Partnerflow's deployments");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("scriptProbe")
        .count()).isZero();
  }

  @Test
  void aScriptInAListenerOrAConditionIsRefused() {
    String listener = """
        <extensionElements><camunda:executionListener event="end">
          <camunda:script scriptFormat="juel">${'anything'}</camunda:script>
        </camunda:executionListener></extensionElements>""";
    String condition = """
        <endEvent id="EndEvent_Done"/>
        <sequenceFlow id="SequenceFlow_Done" sourceRef="StartEvent_Probe" targetRef="EndEvent_Done">
          <conditionExpression xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="tFormalExpression"
              language="juel">${true}</conditionExpression>
        </sequenceFlow>""";
    for (String body : List.of(listener, condition)) {
      ResponseEntity<String> refused = deploy("admin", "admin", "script.bpmn", PLAIN.formatted("scriptProbe", body));

      assertThat(refused.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as(body).contains("Scripts are not allowed");
    }
  }

  @Test
  void aCmmnCaseIsRefused() {
    ResponseEntity<String> refused = deploy("admin", "admin", "case.cmmn", """
        <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" targetNamespace="probe">
          <case id="caseProbe"><casePlanModel id="CasePlanModel_Probe"/></case>
        </definitions>
        """);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("does not run CMMN cases");
    assertThat(engine.getRepositoryService().createCaseDefinitionQuery().caseDefinitionKey("caseProbe").count())
        .isZero();
  }

  @Test
  void noGeneralPurposeScriptEngineIsOnTheClasspath() {
    ScriptEngineManager engines = new ScriptEngineManager();
    for (String language : List.of("javascript", "graal.js", "groovy", "python", "ruby")) {
      assertThat(engines.getEngineByName(language)).as(language).isNull();
    }
  }

  ResponseEntity<String> deploy(String user, String password, String fileName, String content) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "probe");
    parts.add(fileName, new ByteArrayResource(content.getBytes()) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, password).postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(parts, headers), String.class);
  }
}
