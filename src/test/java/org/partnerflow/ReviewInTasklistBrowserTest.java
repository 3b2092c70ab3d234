package org.partnerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnerflow.register.PartnershipRepository;
import org.partnerflow.review.ReviewRecord;
import org.partnerflow.review.ReviewService;
import org.partnerflow.support.CamundaForm;
import org.partnerflow.support.Chromium;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.partnerflow.support.Tasklist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A review held in the real Tasklist, in headless Chromium: the partnership runs (set up through the
 * engine, as the main journey already walks that part), its review falls due, a partnership manager
 * reads the evidence in the form and records the review deciding to continue, and the partner's
 * contact confirms the record. Finance sees none of it. Pictures in target/browser-review/.
 */
@PartnerflowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewInTasklistBrowserTest {

  static final String PARTNER = "Review Browser Trust";

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReviewService reviews;
  @Autowired
  PartnershipRepository partnerships;
  @LocalServerPort
  int port;

  Chromium chromium;
  Tasklist tasklist;

  @BeforeAll
  void startChromium() throws Exception {
    chromium = Chromium.startOrSkip();
    tasklist = new Tasklist(chromium.driver(), "http://localhost:" + port, Path.of("target", "browser-review"));
  }

  @AfterAll
  void stopChromium() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aReviewIsHeldOnTheEvidenceDecidesToContinueAndThePartnerConfirmsIt() {
    Journey journey = new Journey(engine);
    ProcessInstance collaboration = journey.runningPartnership(PARTNER, "rb1");
    Job cycle = engine.getManagementService().createJobQuery().processInstanceId(collaboration.getId()).timers()
        .activityId("StartEvent_ReviewDue").singleResult();
    ClockUtil.setCurrentTime(new Date(cycle.getDuedate().getTime() + 60_000));
    engine.getManagementService().executeJob(cycle.getId());
    journey.runJobs(collaboration.getBusinessKey());
    String holdReview = "Hold the review meeting: review 1 (" + PARTNER + ")";

    tasklist.login("fran", "demo");
    assertThat(tasklist.filter("My group's tasks")).doesNotContain(holdReview);
    tasklist.logout();

    tasklist.login("pat", "demo");
    CamundaForm form = tasklist.openTask("My group's tasks", holdReview);
    assertThat(form.text()).contains("Review 1 of the partnership with " + PARTNER, "The evidence",
        "Northshire Council", "Tasks finished after their due date");
    tasklist.claim();
    tasklist.screenshot("pat-reads-the-evidence");
    form.choose("The meeting", "Was held: record it below");
    form.choose("How far the aims were achieved", "Mostly");
    form.fill("The actions, the deviations and their reasons", "Laptops lent on time; sessions a month late");
    form.fill("Failures or mistakes, and their causes", "The rota was agreed too late");
    form.fill("The costs, and how to reduce them", "On plan; share the venue");
    form.fill("The benefits, their value, and how to increase them", "120 residents online");
    form.choose("How far our expectations were met", "Mostly");
    form.choose("How far the partner's expectations were met", "Fully");
    form.choose("What the review decides", "Continue as agreed");
    form.fill("Why", "The aims are within reach");
    tasklist.screenshot("pat-records-the-review");
    tasklist.complete();
    tasklist.logout();
    journey.runJobs(collaboration.getBusinessKey());

    String confirm = "Confirm the review record: review 1 (" + PARTNER + ")";
    tasklist.login("rb1", "rb1-password");
    CamundaForm record = tasklist.openTask("My group's tasks", confirm);
    assertThat(record.text()).contains("The record of review 1", "Continue as agreed", "The aims are within reach")
        .doesNotContain("Changes to make");
    tasklist.claim();
    record.choose("Your answer", "The record is right");
    tasklist.screenshot("partner-confirms-the-record");
    tasklist.complete();
    tasklist.logout();

    ReviewRecord kept = reviews.ofPartnership(partnerships.findByReference(collaboration.getBusinessKey())
        .orElseThrow().getId()).get(0);
    assertThat(kept.getStatus()).isEqualTo(ReviewRecord.Status.CONFIRMED);
    assertThat(kept.getDecision()).isEqualTo(ReviewRecord.Decision.CONTINUE);
    assertThat(kept.getHeldBy()).isEqualTo("pat");
    assertThat(kept.getPartnerConfirmedBy()).isEqualTo("rb1");
  }
}
