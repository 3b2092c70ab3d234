package org.partnerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.partnerflow.support.CamundaForm;
import org.partnerflow.support.Chromium;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.partnerflow.support.Tasklist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * The main journey through the real Camunda Tasklist in headless Chromium, one ordered step per
 * test, each person logged in as themselves: a partner proposed, evaluated, approved; an agreement
 * drafted, signed off and confirmed by the partner's contact after choosing a password from the
 * invitation mail; then an action of ours runs late and its overdue notice arrives. Each step also
 * checks what the people who should not see it do not see. A step runs only when every step before
 * it passed; each leaves a picture in target/browser-journey/. Later stages add steps at the end:
 * they find the engine clock where the step before left it (moved past our action's due date), and
 * run due jobs with {@link Journey#runJobs(String)}, as the job executor is off in tests.
 */
@PartnerflowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistJourneyBrowserTest {

  static final String PARTNER = "Brookfield Community Library";
  static final String CONTACT_EMAIL = "morgan.reed@brookfield-library.example";
  static final String CONTACT_PASSWORD = "reading-rooms-for-all";
  static final String OUR_ACTION = "Lend 20 laptops to the library";
  static final String PARTNER_ACTION = "Run ten sessions for beginners";
  static final LocalDate OUR_ACTION_DUE = LocalDate.now(ZoneOffset.UTC).plusDays(10);
  static final String DEMO_PASSWORD = "demo";
  private static final Pattern INVITATION_LINK = Pattern.compile("https?://[^/\\s]+(/invitation\\?token=[A-Za-z0-9_-]+)");

  @Autowired
  ProcessEngine engine;
  @Autowired
  GreenMail mail;
  @LocalServerPort
  int port;

  Chromium chromium;
  Tasklist tasklist;
  Journey journey;
  String reference;
  String contactUserId;
  String failedStep;

  @RegisterExtension
  final TestWatcher stopAfterAFailure = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      failedStep = context.getDisplayName();
      if (tasklist != null) {
        tasklist.screenshot("failed-" + context.getRequiredTestMethod().getName());
      }
    }
  };

  @BeforeAll
  void startChromium() throws Exception {
    chromium = Chromium.startOrSkip();
    Path pictures = Path.of("target", "browser-journey");
    if (Files.isDirectory(pictures)) {
      try (Stream<Path> old = Files.list(pictures)) {
        old.forEach(file -> file.toFile().delete());
      }
    }
    tasklist = new Tasklist(chromium.driver(), "http://localhost:" + port, pictures);
    journey = new Journey(engine);
  }

  @BeforeEach
  void onlyAfterEveryEarlierStepPassed() {
    assumeTrue(failedStep == null, "An earlier step failed: " + failedStep);
  }

  @AfterAll
  void stopChromium() throws Exception {
    ClockUtil.reset();
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  @Order(1)
  void aPartnershipManagerProposesAPartnerFromTheStartForm() {
    tasklist.login("pat", DEMO_PASSWORD);
    assertThat(tasklist.openStartProcess()).containsExactly("Handle information from the partner",
        "Identify and evaluate a potential partner");
    tasklist.screenshot("pat-start-process");
    tasklist.closeDialog();

    tasklist.startProcess("Identify and evaluate a potential partner")
        .fill("Name", PARTNER)
        .fill("Website", "https://www.brookfield-library.example")
        .select("Sector", "Charity or voluntary")
        .fill("Contact person", "Morgan Reed")
        .fill("Contact's e-mail address", CONTACT_EMAIL)
        .fill("Which of our strategic objectives would this serve?", "Digital inclusion in the borough")
        .fill("What are the organisation's own objectives?", "Reading and computer skills for everyone")
        .choose("How do their objectives relate to ours?", "Complementary: their objectives help ours")
        .fill("How are they common or complementary?", "We have the laptops, they have the rooms and the volunteers");
    tasklist.screenshot("pat-proposes-partner");
    tasklist.submitStartForm();
    tasklist.logout();

    ProcessInstance proposal = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("partnerIdentification").variableValueEquals("organisationName", PARTNER).singleResult();
    assertThat(proposal).as("the proposal started from Tasklist").isNotNull();
    reference = proposal.getBusinessKey();
    assertThat(openTaskNames()).containsExactly("Evaluate feasibility: " + PARTNER);
  }

  @Test
  @Order(2)
  void peopleWithoutTheRoleNeitherSeeTheProposalNorStartOne() {
    // riley, another organisation's contact, joins that organisation's group only when an agreement
    // with it goes out for confirmation: in the shared test context that depends on the tests run before
    if (engine.getIdentityService().createGroupQuery().groupMember("riley").count() == 0) {
      assertThat(tasklist.refusedLogin("riley", DEMO_PASSWORD)).contains("Forbidden");
      tasklist.screenshot("riley-without-a-group-cannot-log-in");
    } else {
      tasklist.login("riley", DEMO_PASSWORD);
      assertThat(tasklist.openStartProcess()).as("processes riley may start").isEmpty();
      tasklist.closeDialog();
      assertSeesNoTaskAbout(PARTNER);
      tasklist.screenshot("riley-sees-no-task-of-this-partner");
      tasklist.logout();
    }

    tasklist.login("fran", DEMO_PASSWORD);
    assertThat(tasklist.filters()).containsExactly("My tasks", "My group's tasks", "Overdue");
    assertSeesNoTaskAbout(PARTNER);
    tasklist.logout();
  }

  @Test
  @Order(3)
  void anEvaluatorClaimsTheEvaluationAndRecordsItWithARisk() {
    tasklist.login("robin", DEMO_PASSWORD);
    CamundaForm form = tasklist.openTask("My group's tasks", "Evaluate feasibility: " + PARTNER);
    tasklist.claim();
    form.fill("How well does it serve our strategic objectives?", 4)
        .fill("Why?", "Serves our inclusion objective directly")
        .fill("Aims", 4).fill("Why that score for aims?", "Same aim: nobody left offline")
        .fill("Values", 5).fill("Why that score for values?", "Both community-led")
        .fill("Working practices", 4).fill("Why that score for working practices?", "Both plan quarterly")
        .fill("Benefits we can expect", "Reach 300 more residents a year")
        .fill("Value of these benefits to us, per year", 20000)
        .fill("Costs to us in money, per year", 3000)
        .fill("Costs to us in staff time, days per year", 10.5)
        .fill("Benefits the partner can expect", "Laptops for their learners")
        .fill("Value of these benefits to the partner, per year", 15000)
        .fill("Costs to the partner in money, per year", 1000)
        .fill("Costs to the partner in staff time, days per year", 12);
    form.list("Risks of working together").row(0)
        .fill("Risk", "Volunteers leave")
        .select("Likelihood", "Medium")
        .select("Impact", "Medium")
        .fill("How it can be mitigated", "A shared rota of volunteers")
        .check("This risk can be mitigated");
    assertThat(form.errors()).isEmpty();
    tasklist.screenshot("robin-evaluates");
    tasklist.complete();
    tasklist.logout();

    assertThat(openTaskNames()).containsExactly("Decide whether to collaborate: " + PARTNER);
  }

  @Test
  @Order(4)
  void aSeniorManagerWhoDidNotEvaluateDecidesToCollaborate() {
    tasklist.login("sam", DEMO_PASSWORD);
    CamundaForm form = tasklist.openTask("My group's tasks", "Decide whether to collaborate: " + PARTNER);
    assertThat(form.text()).contains(PARTNER + " (" + reference + ")", "Evaluated by Robin Hale",
        "Recommendation: collaborate", "Volunteers leave").doesNotContain("You asked the evaluator");
    tasklist.claim();
    form.choose("Your decision", "Approve: work together and draft an agreement")
        .fill("Reason for your decision", "A good fit, and the risk is covered");
    tasklist.screenshot("sam-decides");
    tasklist.complete();
    tasklist.logout();
    journey.runJobs(reference);

    assertThat(openTaskNames()).containsExactly("Draft the collaboration agreement: " + PARTNER);
    assertThat(subjects("pat@partnerflow.example")).contains("Approved: a partnership with " + PARTNER + " (" + reference + ")");
  }

  @Test
  @Order(5)
  void aPartnershipManagerDraftsTheAgreementWithActionsOfBothSides() {
    tasklist.login("pat", DEMO_PASSWORD);
    CamundaForm form = tasklist.openTask("My group's tasks", "Draft the collaboration agreement: " + PARTNER);
    tasklist.claim();
    form.fill("Aims and objectives of the collaboration", "Bring 300 older residents online in a year");
    CamundaForm.DynamicList benefits = form.list("Benefits each organisation expects");
    benefits.row(0).select("For", "Our organisation").fill("Benefit", "More residents online")
        .fill("How it is measured", "Residents trained");
    benefits.row(1).select("For", "The partner").fill("Benefit", "Laptops for learners")
        .fill("How it is measured", "Laptops lent");
    CamundaForm.DynamicList costs = form.list("Costs to each organisation, per year");
    costs.row(0).select("For", "Our organisation").fill("Cost", "Laptops").fill("Money", 3000).fill("Staff days", 10.5);
    costs.row(1).select("For", "The partner").fill("Cost", "Volunteers' time").fill("Money", 0).fill("Staff days", 24);
    CamundaForm.DynamicList actions = form.list("Agreed actions");
    actions.row(0).fill("Action", OUR_ACTION).select("Owned by", "Our organisation")
        .fill("Responsible person's e-mail address", "pat@partnerflow.example").date("Due date", OUR_ACTION_DUE);
    actions.row(1).fill("Action", PARTNER_ACTION).select("Owned by", "The partner")
        .fill("Responsible person's e-mail address", CONTACT_EMAIL).date("Due date", OUR_ACTION_DUE.plusDays(50));
    form.list("Required outcomes").row(0).fill("Outcome", "Residents confident online")
        .fill("How it is measured", "300 trained");
    form.fill("Our contact's e-mail address", "pat@partnerflow.example")
        .fill("The partner's contact's e-mail address", CONTACT_EMAIL)
        .select("Main channel", "Meetings")
        .fill("How often we report", "P1M")
        .fill("How often the partner reports", "P3M")
        .fill("What information is shared", "Names and attendance of learners")
        .fill("For what purpose", "To plan sessions and report progress")
        .select("Lawful basis", "Public task")
        .select("Our role", "Controller")
        .select("The partner's role", "Processor")
        .fill("Confidentiality arrangements", "Only the two coordinators see names")
        .fill("How long it is kept", "P2Y")
        .date("First review", OUR_ACTION_DUE.plusDays(80))
        .fill("Then every", "P6M");
    assertThat(form.errors()).isEmpty();
    assertThat(tasklist.canComplete()).as("Complete is enabled after editing the lists (form-validity.js)").isTrue();
    tasklist.screenshot("pat-drafts-agreement");
    tasklist.complete();
    tasklist.logout();

    assertThat(openTaskNames()).containsExactlyInAnyOrder("Sign off the costs: " + PARTNER,
        "Sign off the information handling: " + PARTNER, "Sign off the whole agreement: " + PARTNER);
  }

  @Test
  @Order(6)
  void financeDataProtectionAndASeniorManagerSignOffEachTheirPart() {
    signOff("fran", "Sign off the costs: " + PARTNER, "fran-signs-off-costs");
    signOff("dana", "Sign off the information handling: " + PARTNER, "dana-signs-off-information");
    signOff("sam", "Sign off the whole agreement: " + PARTNER, "sam-signs-off-agreement");
    journey.runJobs(reference);

    assertThat(openTaskNames()).containsExactly("Confirm the collaboration agreement: " + PARTNER);
    assertThat(subjects(CONTACT_EMAIL)).containsExactly("Invitation: confirm the collaboration agreement with us ("
        + reference + ")");
  }

  @Test
  @Order(7)
  void thePartnersContactChoosesAPasswordThroughTheLinkInTheInvitation() throws Exception {
    MimeMessage invitation = mail.getReceivedMessagesForDomain(CONTACT_EMAIL)[0];
    String body = GreenMailUtil.getBody(invitation);
    Matcher link = INVITATION_LINK.matcher(body);
    assertThat(link.find()).as("a link in the invitation").isTrue();
    Matcher userName = Pattern.compile("user name (\\w+)").matcher(body);
    assertThat(userName.find()).as("the user name in the invitation").isTrue();
    contactUserId = userName.group(1);

    // the mail links to the configured base URL; the test's application listens on a port of its own
    tasklist.visit(link.group(1));
    tasklist.screenshot("contact-opens-invitation");
    WebDriver driver = tasklist.driver();
    driver.findElement(By.id("password")).sendKeys(CONTACT_PASSWORD);
    driver.findElement(By.id("repeated")).sendKeys(CONTACT_PASSWORD);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your password is set");
    tasklist.screenshot("contact-password-set");

    assertThat(engine.getIdentityService().checkPassword(contactUserId, CONTACT_PASSWORD)).isTrue();
  }

  @Test
  @Order(8)
  void thePartnersContactSeesOnlyTheirOrganisationsTaskAndConfirmsTheAgreement() {
    tasklist.login(contactUserId, CONTACT_PASSWORD);
    assertThat(tasklist.openStartProcess()).as("processes the partner's contact may start").isEmpty();
    tasklist.closeDialog();
    assertThat(tasklist.filter("My group's tasks")).containsExactly("Confirm the collaboration agreement: " + PARTNER);
    tasklist.screenshot("contact-sees-own-task");

    CamundaForm form = tasklist.openTask("My group's tasks", "Confirm the collaboration agreement: " + PARTNER);
    assertThat(form.text()).contains("Collaboration agreement between Northshire Council and " + PARTNER,
        "Please read the agreement Northshire Council proposes", OUR_ACTION, PARTNER_ACTION);
    tasklist.claim();
    form.choose("Your answer", "We confirm this agreement");
    tasklist.screenshot("contact-confirms-agreement");
    tasklist.complete();
    journey.runJobs(reference);

    assertThat(tasklist.filter("My tasks")).containsExactly("Carry out the agreed action: " + PARTNER_ACTION
        + " (" + PARTNER + ")");
    tasklist.screenshot("contact-has-own-action");
    tasklist.logout();
    assertThat(openTaskNames()).containsExactlyInAnyOrder(
        "Carry out the agreed action: " + OUR_ACTION + " (" + PARTNER + ")",
        "Carry out the agreed action: " + PARTNER_ACTION + " (" + PARTNER + ")");
    assertThat(subjects(CONTACT_EMAIL)).anyMatch(subject -> subject.startsWith("Agreed: version 1"));
  }

  @Test
  @Order(9)
  void anActionOfOursRunsLateAndItsOverdueNoticeArrives() {
    ClockUtil.setCurrentTime(Date.from(OUR_ACTION_DUE.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC)));
    journey.runJobs(reference);

    assertThat(subjects("pat@partnerflow.example")).anyMatch(subject -> subject.startsWith("Overdue: \"" + OUR_ACTION
        + "\"") && subject.endsWith("(" + reference + ")"));
    assertThat(subjects(CONTACT_EMAIL)).noneMatch(subject -> subject.startsWith("Overdue:"));

    tasklist.login("pat", DEMO_PASSWORD);
    assertThat(tasklist.filter("Overdue")).contains("Carry out the agreed action: " + OUR_ACTION + " (" + PARTNER + ")")
        .doesNotContain("Carry out the agreed action: " + PARTNER_ACTION + " (" + PARTNER + ")");
    tasklist.screenshot("pat-sees-overdue-action");
    tasklist.logout();
  }

  private void signOff(String userId, String taskName, String picture) {
    tasklist.login(userId, DEMO_PASSWORD);
    CamundaForm form = tasklist.openTask("My group's tasks", taskName);
    assertThat(form.text()).contains("Collaboration agreement with " + PARTNER + " (" + reference + ")");
    tasklist.claim();
    form.choose("Your decision", "Approve");
    tasklist.screenshot(picture);
    tasklist.complete();
    tasklist.logout();
  }

  /** In every filter the logged-in person has, no task names the organisation. */
  private void assertSeesNoTaskAbout(String organisation) {
    for (String filter : tasklist.filters()) {
      assertThat(tasklist.filter(filter)).as(filter).noneMatch(name -> name.contains(organisation));
    }
  }

  private List<String> openTaskNames() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).list().stream()
        .map(Task::getName).toList();
  }

  private List<String> subjects(String address) {
    return Stream.of(mail.getReceivedMessagesForDomain(address)).map(message -> {
      try {
        return message.getSubject();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
