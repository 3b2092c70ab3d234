package org.partnerflow.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Drives the processes the way people do: each step as a named user, through the same form
 * service Tasklist uses, so authorizations and refusals are those of real use.
 */
public class Journey {

  private final ProcessEngine engine;

  public Journey(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The start form values of a sound proposal for the named organisation. */
  public static Map<String, Object> proposal(String organisation) {
    Map<String, Object> values = new HashMap<>();
    values.put("organisationName", organisation);
    values.put("organisationWebsite", "https://www.example.org");
    values.put("organisationSector", "charity");
    values.put("contactName", "Riley Chen");
    values.put("contactEmail", "riley@riverside-trust.example");
    values.put("objectivesServed", "Digital inclusion in the borough");
    values.put("partnerObjectives", "Technology skills for older people");
    values.put("objectiveRelationship", "complementary");
    values.put("objectiveRelationshipNote", "We have the equipment, they have the volunteers");
    return values;
  }

  /** Evaluation form values that the decision table recommends collaborating on. */
  public static Map<String, Object> favourableEvaluation() {
    Map<String, Object> values = new HashMap<>();
    values.put("strategicFitScore", 4);
    values.put("strategicFitNote", "Serves our inclusion objective directly");
    values.put("aimsScore", 4);
    values.put("aimsNote", "Same aim: nobody left offline");
    values.put("valuesScore", 5);
    values.put("valuesNote", "Both community-led");
    values.put("practicesScore", 4);
    values.put("practicesNote", "Both plan quarterly");
    values.put("ourBenefits", "Reach 300 more residents a year");
    values.put("ourBenefitValue", 20000);
    values.put("ourCostMoney", 3000);
    values.put("ourCostStaffDays", 10.5);
    values.put("partnerBenefits", "Equipment and a venue");
    values.put("partnerBenefitValue", 15000.0);
    values.put("partnerCostMoney", 1000);
    values.put("partnerCostStaffDays", 12);
    values.put("risks", risks("[{\"description\":\"Volunteer turnover\",\"likelihood\":\"medium\","
        + "\"impact\":\"medium\",\"mitigation\":\"A shared rota\",\"mitigable\":true}]"));
    return values;
  }

  /** A list of risks as Tasklist submits a dynamic list: a Json variable. */
  public static Object risks(String json) {
    return SpinValues.jsonValue(json).create();
  }

  public ProcessInstance propose(String userId, Map<String, Object> values) {
    return as(userId, () -> form().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("partnerIdentification").latestVersion().singleResult().getId(), values));
  }

  public Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Claims the instance's open task as the user and submits the form with the values. */
  public void complete(ProcessInstance instance, String userId, Map<String, Object> values) {
    Task task = task(instance);
    as(userId, () -> {
      engine.getTaskService().claim(task.getId(), userId);
      form().submitTaskForm(task.getId(), values);
      return null;
    });
  }

  /** Runs the action authenticated as the user, with the user's groups, as the webapps do. */
  public <T> T as(String userId, Callable<T> action) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      return action.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      identity.clearAuthentication();
    }
  }

  private FormService form() {
    return engine.getFormService();
  }
}
