package org.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Engine settings that Camunda 7.24 CE leaves open or that must stay closed: queries page through at
 * most 2000 results, XML external entities are not read, and variables are neither Java-serialized
 * nor deserialized into classes outside an allow-list.
 */
@PartnerflowSpringTest
class EngineHardeningTests {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;

  @Test
  void theEngineIsConfiguredClosed() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(configuration.isEnableXxeProcessing()).isFalse();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(configuration.isEnableScriptEngineLoadExternalResources()).isFalse();
  }

  @Test
  void aQueryForMoreThan2000ResultsOrForUnboundedResultsIsRefused() {
    TestRestTemplate pat = rest.withBasicAuth("pat", "demo");

    ResponseEntity<String> tooMany = pat.getForEntity("/engine-rest/task?maxResults=2001", String.class);
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMany.getBody()).contains("Max results limit of 2000 exceeded");
    ResponseEntity<String> unbounded = pat.getForEntity("/engine-rest/history/process-instance", String.class);
    assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unbounded.getBody()).contains("An unbound number of results is forbidden");
    assertThat(pat.getForEntity("/engine-rest/task?maxResults=2000", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aDiagramThatReadsAFileThroughAnExternalEntityIsRefused(@TempDir Path directory) throws Exception {
    Path secret = Files.writeString(directory.resolve("secret.txt"), "the-secret-content");
    String diagram = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE definitions [<!ENTITY secret SYSTEM "%s">]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="xxe">
          <process id="xxeProbe" name="&secret;" isExecutable="true"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" camunda:historyTimeToLive="P1D">
            <startEvent id="StartEvent_Probe"/>
          </process>
        </definitions>
        """.formatted(secret.toUri());

    ResponseEntity<String> deployment = deploy("admin", "admin", "xxe-probe.bpmn", diagram);

    assertThat(deployment.getStatusCode().isError()).isTrue();
    assertThat(deployment.getBody()).contains("DOCTYPE is disallowed").doesNotContain("the-secret-content");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("xxeProbe").count())
        .isZero();
  }

  @Test
  void aVariableOfAClassOutsideTheAllowListIsNeverDeserialized() {
    ProcessInstance instance = new Journey(engine).propose("pat", Journey.proposal("Gadget Works"));
    TestRestTemplate admin = rest.withBasicAuth("admin", "admin");
    String variable = "/engine-rest/process-instance/" + instance.getId() + "/variables/gadget";

    ResponseEntity<String> stored = admin.exchange(variable, HttpMethod.PUT, json("""
        {"type": "Object", "value": "{\\"key\\": \\"a harmless value\\"}", "valueInfo": {"serializationDataFormat": "application/json",
         "objectTypeName": "java.util.concurrent.ConcurrentHashMap"}}"""), String.class);
    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> read = admin.getForEntity(variable, String.class);

    assertThat(read.getStatusCode().isError()).isTrue();
    assertThat(read.getBody()).contains("java.util.concurrent.ConcurrentHashMap").doesNotContain("a harmless value");
    assertThat(admin.getForEntity(variable + "?deserializeValue=false", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aJavaSerializedVariableIsRefused() {
    ProcessInstance instance = new Journey(engine).propose("pat", Journey.proposal("Serial Ltd"));
    String serialized = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5});

    ResponseEntity<String> stored = rest.withBasicAuth("admin", "admin").exchange("/engine-rest/process-instance/"
        + instance.getId() + "/variables/serialized", HttpMethod.PUT, json("""
        {"type": "Object", "value": "%s", "valueInfo": {"serializationDataFormat":
         "application/x-java-serialized-object", "objectTypeName": "java.util.HashMap"}}""".formatted(serialized)),
        String.class);

    assertThat(stored.getStatusCode().isError()).isTrue();
    assertThat(stored.getBody()).contains("Java serialization format is prohibited");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "serialized")).isNull();
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

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
