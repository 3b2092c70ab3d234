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
    values.put("risks", jsonList("[{\"description\":\"Volunteer turnover\",\"likelihood\":\"medium\","
        + "\"impact\":\"medium\",\"mitigation\":\"A shared rota\",\"mitigable\":true}]"));
    return values;
  }

  /** The information form's values for the partnership: personal data or not, kept for the period. */
  public static Map<String, Object> informationItem(String reference, boolean personal, String retention) {
    Map<String, Object> values = new HashMap<>();
    values.put("partnershipReference", reference);
    values.put("informationDescription", personal ? "Names and attendance of learners" : "Session timetable");
    values.put("informationPurpose", "To plan the sessions");
    values.put("personalData", personal);
    if (personal) {
      values.put("informationLawfulBasis", "legitimateInterests");
    }
    values.put("classification", personal ? "confidential" : "internal");
    values.put("visibleTo", "The two coordinators");
    values.put("informationRetention", retention);
    return values;
  }

  /** Our progress report as a partnership manager fills it in, on the pre-filled period. */
  public static Map<String, Object> ourReport() {
    Map<String, Object> values = new HashMap<>();
    values.put("summary", "Laptops lent to two libraries");
    values.put("measures", "40 residents booked");
    values.put("moneyToDate", 1200);
    values.put("staffDaysToDate", 3.5);
    values.put("issues", "The supplier is slow");
    values.put("supportNeeded", "Volunteers for the second library");
    return values;
  }

  /** The partner's progress report as their contact sends it, on the pre-filled period, with personal data or not. */
  public static Map<String, Object> partnerReport(boolean personalData) {
    Map<String, Object> values = new HashMap<>();
    values.put("summary", "Ten sessions held");
    values.put("measures", "120 residents trained");
    values.put("moneyToDate", 0);
    values.put("staffDaysToDate", 14);
    values.put("supportNeeded", "A projector");
    values.put("personalData", personalData);
    if (personalData) {
      values.put("personalDataDescription", "Names of the 12 learners who attended");
    }
    return values;
  }

  /** Our feedback on the partner's report as a partnership manager gives it. */
  public static Map<String, Object> feedback() {
    Map<String, Object> values = new HashMap<>();
    values.put("wentWell", "Ten sessions, all full");
    values.put("couldImprove", "Start on time");
    values.put("feedbackSupport", "We lend a projector");
    values.put("progressTowardsAims", "120 of 300 residents trained");
    values.put("nextMilestones", "200 by the summer");
    return values;
  }

  /** The review form of a meeting that was held, with the decision (or none) and the changes (or none). */
  public static Map<String, Object> heldReview(String decision, String changes) {
    Map<String, Object> values = new HashMap<>();
    values.put("reviewOutcome", "held");
    values.put("aimsAchieved", "mostly");
    values.put("actionsAndDeviations", "Laptops lent on time; sessions a month late (volunteers)");
    values.put("failuresAndCauses", "The rota was agreed too late");
    values.put("costsAndSavings", "On plan; share the venue to save");
    values.put("benefitsAndGrowth", "120 residents online; add a second library");
    values.put("ourExpectationsMet", "mostly");
    values.put("partnerExpectationsMet", "fully");
    if (decision != null) {
      values.put("reviewDecision", decision);
    }
    if (changes != null) {
      values.put("reviewChanges", changes);
    }
    values.put("decisionReason", "The aims are within reach");
    return values;
  }

  /** A list as Tasklist submits a dynamic list: a Json variable. */
  public static Object jsonList(String json) {
    return SpinValues.jsonValue(json).create();
  }

  public ProcessInstance propose(String userId, Map<String, Object> values) {
    return as(userId, () -> form().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("partnerIdentification").latestVersion().singleResult().getId(), values));
  }

  /** Submits the start form of the latest version of the process as the user. */
  public ProcessInstance start(String processKey, String userId, Map<String, Object> values) {
    return as(userId, () -> form().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult().getId(), values));
  }

  /** Proposes, evaluates and approves a partner; returns the agreement process that approval starts. */
  public ProcessInstance approvedPartnership(String organisation) {
    ProcessInstance proposal = propose("pat", proposal(organisation));
    complete(proposal, "pat", favourableEvaluation());
    complete(proposal, "sam", Map.of("decision", "approve", "decisionReason", "Good fit"));
    runJobs(proposal);
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("collaborationAgreement")
        .processInstanceBusinessKey(proposal.getBusinessKey()).singleResult();
  }

  /**
   * Takes a partnership through approval and an agreement that its contact at {@code partnerUserId}
   * confirms; returns the running partnership ({@code collaboration}).
   */
  public ProcessInstance runningPartnership(String organisation, String partnerUserId) {
    return runningPartnership(organisation, partnerUserId, draftAgreement());
  }

  /** As {@link #runningPartnership(String, String)}, agreeing the given draft. */
  public ProcessInstance runningPartnership(String organisation, String partnerUserId, Map<String, Object> draft) {
    ProcessInstance agreement = agreementToConfirm(organisation, partnerUserId, draft);
    complete(agreement, "Task_ConfirmAgreement", partnerUserId, Map.of("partnerDecision", "confirm"));
    runJobs(agreement);
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("collaboration")
        .processInstanceBusinessKey(agreement.getBusinessKey()).singleResult();
  }

  /**
   * Takes a partnership through approval, the given draft and the three sign-offs; returns the
   * agreement process waiting for its contact at {@code partnerUserId} (password
   * {@code partnerUserId + "-password"}) to confirm it.
   */
  public ProcessInstance agreementToConfirm(String organisation, String partnerUserId, Map<String, Object> draft) {
    ProcessInstance agreement = approvedPartnership(organisation);
    String group = (String) engine.getRuntimeService().getVariable(agreement.getId(), "partnerGroup");
    if (engine.getIdentityService().createUserQuery().userId(partnerUserId).count() == 0) {
      var user = engine.getIdentityService().newUser(partnerUserId);
      user.setEmail(partnerUserId + "@partner.example");
      user.setPassword(partnerUserId + "-password");
      engine.getIdentityService().saveUser(user);
    }
    engine.getIdentityService().createMembership(partnerUserId, group);
    complete(agreement, "Task_DraftAgreement", "pat", draft);
    complete(agreement, "Task_SignOffCosts", "fran", Map.of("costsDecision", "approve"));
    complete(agreement, "Task_SignOffInformation", "dana", Map.of("informationDecision", "approve"));
    complete(agreement, "Task_SignOffAgreement", "sam", Map.of("overallDecision", "approve"));
    runJobs(agreement);
    return agreement;
  }

  /** A sound draft agreement as the draft form submits it. */
  public static Map<String, Object> draftAgreement() {
    String inAMonth = java.time.LocalDate.now().plusMonths(1).toString();
    String inThreeMonths = java.time.LocalDate.now().plusMonths(3).toString();
    Map<String, Object> values = new HashMap<>();
    values.put("aims", "Bring 300 older residents online in a year");
    values.put("benefits", jsonList("[{\"benefitFor\":\"ours\",\"benefit\":\"Reach\",\"benefitMeasure\":\"Residents trained\"},"
        + "{\"benefitFor\":\"partner\",\"benefit\":\"Equipment\",\"benefitMeasure\":\"Laptops lent\"}]"));
    values.put("costs", jsonList("[{\"costFor\":\"ours\",\"cost\":\"Laptops\",\"money\":3000,\"staffDays\":10.5},"
        + "{\"costFor\":\"partner\",\"cost\":\"Volunteers\",\"money\":0,\"staffDays\":24}]"));
    values.put("actions", jsonList("[{\"title\":\"Lend 20 laptops\",\"owner\":\"ours\",\"responsibleEmail\":"
        + "\"pat@partnerflow.example\",\"dueDate\":\"" + inAMonth + "\"},{\"title\":\"Run 10 sessions\","
        + "\"owner\":\"partner\",\"responsibleEmail\":\"riley@riverside-trust.example\",\"dueDate\":\""
        + inThreeMonths + "\"}]"));
    values.put("outcomes", jsonList("[{\"outcome\":\"Residents confident online\",\"outcomeMeasure\":\"300 trained\"}]"));
    values.put("ourContactEmail", "pat@partnerflow.example");
    values.put("partnerContactEmail", "riley@riverside-trust.example");
    values.put("channel", "meeting");
    values.put("ourReportingPeriod", "P1M");
    values.put("partnerReportingPeriod", "P3M");
    values.put("sharedInformation", "Names and attendance of learners");
    values.put("informationPurpose", "To plan sessions and report progress");
    values.put("lawfulBasis", "legitimateInterests");
    values.put("ourDataRole", "controller");
    values.put("partnerDataRole", "processor");
    values.put("confidentiality", "Only the two coordinators see names");
    values.put("retentionPeriod", "P2Y");
    values.put("firstReviewDate", inThreeMonths);
    values.put("reviewPeriod", "P6M");
    return values;
  }

  /** Executes the instance's jobs (asynchronous steps, mails) until none is left. */
  public void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      var jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
          .executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /**
   * Executes the due jobs (asynchronous steps, mails, timers whose time has come on the engine
   * clock) of every process of the partnership with this reference, until none is left.
   */
  public void runJobs(String businessKey) {
    for (int round = 0; round < 20; round++) {
      List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey).list().stream().map(ProcessInstance::getId).toList();
      var jobs = instances.stream().flatMap(id -> engine.getManagementService().createJobQuery().processInstanceId(id)
          .executable().list().stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** The open task with the given definition key. */
  public Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** Claims the task with the key as the user (unless it is assigned already) and submits the form. */
  public void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> values) {
    Task task = task(instance, taskKey);
    as(userId, () -> {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), userId);
      }
      form().submitTaskForm(task.getId(), values);
      return null;
    });
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
