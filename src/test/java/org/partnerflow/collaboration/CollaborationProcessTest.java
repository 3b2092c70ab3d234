package org.partnerflow.collaboration;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code collaboration}: the partnership outlives its agreed actions (it still reports, and waits
 * to be ended), and ending it stops everything that still runs: open actions and the reporting and
 * review cycles. The cycles themselves are proven in {@code ProgressReportProcessTest} and
 * {@code PartnershipReviewProcessTest}, the exit steps' effects in the latter.
 */
@PartnerflowSpringTest
class CollaborationProcessTest {

  @Autowired
  ProcessEngine engine;

  Journey journey;

  @BeforeEach
  void setUp() {
    init(engine);
    journey = new Journey(engine);
  }

  @Test
  void thePartnershipOutlivesItsAgreedActionsAndKeepsReportingUntilItIsEnded() {
    ProcessInstance collaboration = journey.runningPartnership("All Done Trust", "ad1");
    journey.complete(action(collaboration, "Lend 20 laptops"), "Task_CarryOutAction", "pat",
        Map.of("actionOutcome", "done"));
    assertThat(collaboration).isWaitingAt("CallActivity_CarryOutAgreedActions", "Event_PartnershipEnded");

    journey.complete(action(collaboration, "Run 10 sessions"), "Task_CarryOutAction", "ad1",
        Map.of("actionOutcome", "done"));

    assertThat(collaboration).hasPassed("EndEvent_AgreedActionsDone").isWaitingAt("Event_PartnershipEnded");
    Assertions.assertThat(cycles(collaboration)).isEqualTo(3); // our reports, the partner's, the reviews

    end(collaboration);

    assertThat(collaboration).isEnded().hasPassed("EndEvent_CollaborationEnded");
    Assertions.assertThat(cycles(collaboration)).isZero();
  }

  @Test
  void endingThePartnershipStopsItsOpenActions() {
    ProcessInstance collaboration = journey.runningPartnership("Cut Short", "cs1");
    ProcessInstance open = action(collaboration, "Lend 20 laptops");

    end(collaboration);

    assertThat(collaboration).isEnded().hasNotPassed("EndEvent_AgreedActionsDone");
    assertThat(open).isEnded();
    Assertions.assertThat(engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(collaboration.getBusinessKey()).count()).isZero();
  }

  /** As a review's decision to end does; the exit steps run after it, from their own job. */
  private void end(ProcessInstance collaboration) {
    engine.getRuntimeService().createMessageCorrelation("partnerflow.partnershipEnded")
        .processInstanceId(collaboration.getId()).correlate();
    assertThat(collaboration).isWaitingAt("Task_ClosePartnership");
    journey.runJobs(collaboration);
  }

  private long cycles(ProcessInstance collaboration) {
    return engine.getManagementService().createJobQuery().processInstanceId(collaboration.getId()).timers().count();
  }

  private ProcessInstance action(ProcessInstance collaboration, String title) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agreedAction")
        .processInstanceBusinessKey(collaboration.getBusinessKey()).variableValueEquals("actionTitle", title)
        .singleResult();
  }
}
