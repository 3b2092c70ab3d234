package org.partnerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * The main journey through the real Camunda Tasklist in headless Chromium, one ordered step per
 * test, each person logged in as themselves: a partner proposed, evaluated, approved; an agreement
 * drafted, signed off and confirmed by the partner's contact after choosing a password from the
 * invitation mail; then an action of ours runs late and its overdue notice arrives; at the end of each
 * side's reporting period (the engine clock moved to fire the running partnership's cycles) we send our
 * report pre-filled with the period's facts, the partner sends theirs holding personal data, we give
 * feedback which they acknowledge, and the personal data is described and accepted by data protection
 * with conditions. Last, the partnership's first review falls due (its timer fired the same way): both
 * sides get the calendar invitation and the evidence, on the day of the meeting a partnership manager
 * holds the review on the evidence in the form and decides to continue, the partner's contact confirms
 * the record, and the partnership runs on. Each step also checks what the people who should not see it
 * do not see. A step runs only when every step before it passed; each leaves a picture in
 * target/browser-journey/. Later stages add steps at the end: they find the engine clock where the
 * step before left it (at the first review meeting), and run due jobs with
 * {@link Journey#runJobs(String)}, as the job executor is off in tests.
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
  /**
   * A weekday about four months away, so that the review's invitation (two weeks before it) goes out
   * after the partner's first three-month reporting period: the review is the journey's last stage.
   */
  static final LocalDate FIRST_REVIEW = LocalDate.now(ZoneOffset.UTC).plusMonths(4)
      .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
  static final String DEMO_PASSWORD = "demo";
  private static final Pattern INVITATION_LINK = Pattern.compile("https?://[^/\\s]+(/invitation\\?token=[A-Za-z0-9_-]+)");

  @Autowired
  ProcessEngine engine;
  @Autowired
  GreenMail mail;
  @Autowired
  TestRestTemplate rest;
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
    // Camunda 7 CE's banner urging a move to Camunda 8 is for administrators (Cockpit, Admin keep it)
    assertThat(tasklist.driver().findElements(org.openqa.selenium.By.cssSelector(".ce-eol-banner")))
        .as("the CE end-of-life banner in Tasklist").noneMatch(org.openqa.selenium.WebElement::isDisplayed);
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
        .date("First review", FIRST_REVIEW)
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
    assertThat(tasklist.submitPage()).isEqualTo("Your password is set");
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

  @Test
  @Order(10)
  void atTheEndOfOurReportingPeriodAPartnershipManagerSendsOurReportWithThePeriodsFacts() {
    fireCycle("StartEvent_OurReportingPeriodEnds");
    String ourReport = openTaskName("Task_PrepareOurReport");
    assertThat(ourReport).startsWith("Prepare our progress report: ").endsWith(" (" + PARTNER + ")");

    tasklist.login("pat", DEMO_PASSWORD);
    CamundaForm form = tasklist.openTask("My group's tasks", ourReport);
    // by now our laptop loan is overdue and nobody has reported a delay
    assertThat(form.text()).contains("Our progress report to " + PARTNER, "Actions due: 1", "Done on time: 0",
        "Done late: 0", "Due and still open: 1", "None in this period.",
        "Agreed costs per year: money 3000, staff time 10.5 days");
    tasklist.claim();

    // the logo leads home to the list, still sorted by due date: the overdue action before the report
    tasklist.home();
    assertThat(tasklist.sortOrder()).isEqualTo("Due date ascending");
    assertThat(tasklist.search("(" + PARTNER + ")")).containsSubsequence(
        "Carry out the agreed action: " + OUR_ACTION + " (" + PARTNER + ")", ourReport);
    tasklist.screenshot("pat-home-sorted-by-due-date");

    form = tasklist.openTask("My tasks", ourReport);
    form.fill("What was done in the period", "Twenty laptops bought and set up; lending waits for the library's Wi-Fi")
        .fill("Measures and indicators", "Residents trained: none yet, the first sessions are booked")
        .fill("Money spent so far", 2800)
        .fill("Staff days spent so far", 4)
        .fill("Issues and risks", "The laptops are late: the library's Wi-Fi is not ready")
        .fill("Support we need from " + PARTNER, "A date for the Wi-Fi installation");
    assertThat(form.errors()).isEmpty();
    tasklist.screenshot("pat-prepares-our-report");
    tasklist.complete();
    tasklist.logout();
    journey.runJobs(reference);

    assertThat(subjects(CONTACT_EMAIL)).anyMatch(subject -> subject.startsWith("Progress report from Northshire Council: ")
        && subject.endsWith("(" + reference + ")"));
  }

  @Test
  @Order(11)
  void atTheEndOfTheirPeriodThePartnersContactSendsTheirReportWhichHoldsPersonalData() {
    fireCycle("StartEvent_PartnerReportingPeriodEnds");
    String theirReport = openTaskName("Task_SendPartnerReport");

    tasklist.login(contactUserId, CONTACT_PASSWORD);
    CamundaForm form = tasklist.openTask("My group's tasks", theirReport);
    // their sessions were due in the period and are not done yet
    assertThat(form.text()).contains("Your progress report to Northshire Council", "Actions due: 1",
        "Due and still open: 1", "Agreed costs per year: money 0, staff time 24 days");
    tasklist.claim();
    form.fill("What was done in the period", "Rooms booked and twelve volunteers trained as tutors")
        .fill("Measures and indicators", "Twelve learners signed up for the first course")
        .fill("Money spent so far", 0)
        .fill("Staff days spent so far", 9)
        .fill("Support you need from Northshire Council", "The laptops, so the sessions can start")
        .check("This report contains personal data")
        .fill("What personal data, about whom", "Names and attendance of the twelve learners who signed up");
    assertThat(form.errors()).isEmpty();
    tasklist.screenshot("contact-sends-their-report");
    tasklist.complete();
    tasklist.logout();
    journey.runJobs(reference);

    assertThat(openTaskNames()).contains(openTaskName("Task_GiveFeedback"), openTaskName("Task_DescribeInformation"));
  }

  @Test
  @Order(12)
  void aPartnershipManagerGivesFeedbackOnThePartnersReportWhichFinanceDoesNotSee() {
    tasklist.login("fran", DEMO_PASSWORD);
    assertSeesNoTaskAbout(PARTNER);
    tasklist.logout();

    String feedback = openTaskName("Task_GiveFeedback");
    tasklist.login("pat", DEMO_PASSWORD);
    CamundaForm form = tasklist.openTask("My group's tasks", feedback);
    assertThat(form.text()).contains("Rooms booked and twelve volunteers trained as tutors",
        "Support they need: The laptops, so the sessions can start",
        "Personal data: the report holds some (Names and attendance of the twelve learners who signed up)");
    tasklist.claim();
    form.fill("What went well", "Twelve tutors trained before the first session: a strong start")
        .fill("What could improve", "Tell us the course dates as soon as they are set")
        .fill("Support we offer", "The laptops arrive in the week the Wi-Fi is installed")
        .fill("Progress towards the shared aims", "12 of 300 residents signed up")
        .fill("The next milestones", "First course finished, 40 residents trained");
    assertThat(form.errors()).isEmpty();
    tasklist.screenshot("pat-gives-feedback");
    tasklist.complete();
    tasklist.logout();
    journey.runJobs(reference);

    assertThat(subjects(CONTACT_EMAIL)).anyMatch(subject -> subject.startsWith("Feedback from Northshire Council"));
  }

  @Test
  @Order(13)
  void thePartnersContactAcknowledgesTheFeedbackAndSeesNothingOfOurDataProtectionWork() {
    String describe = openTaskName("Task_DescribeInformation");
    tasklist.login(contactUserId, CONTACT_PASSWORD);
    for (String filter : tasklist.filters()) {
      assertThat(tasklist.filter(filter)).as(filter).doesNotContain(describe);
    }
    CamundaForm form = tasklist.openTask("My group's tasks", openTaskName("Task_AcknowledgeFeedback"));
    assertThat(form.text()).contains("Feedback from Northshire Council", "Twelve tutors trained before the first session",
        "The laptops arrive in the week the Wi-Fi is installed");
    tasklist.claim();
    form.check("I have read the feedback")
        .fill("Your comment", "Thank you: we send the course dates this week");
    tasklist.screenshot("contact-acknowledges-feedback");
    tasklist.complete();
    tasklist.logout();

    assertThat(openTaskNames()).noneMatch(name -> name.startsWith("Acknowledge the feedback"));
  }

  @Test
  @Order(14)
  void aPartnershipManagerDescribesThePersonalDataAndDataProtectionAcceptsItWithConditions() {
    tasklist.login("pat", DEMO_PASSWORD);
    CamundaForm form = tasklist.openTask("My group's tasks", openTaskName("Task_DescribeInformation"));
    assertThat(form.text()).contains("Personal data in " + PARTNER + "'s report");
    tasklist.claim();
    form.fill("Who may see it", "The two coordinators and the tutors of the course");
    assertThat(form.errors()).isEmpty();
    tasklist.screenshot("pat-describes-personal-data");
    tasklist.complete();
    tasklist.logout();

    String review = openTaskName("Task_ReviewInformation");
    tasklist.login("dana", DEMO_PASSWORD);
    form = tasklist.openTask("My group's tasks", review);
    assertThat(form.text()).contains("Names and attendance of the twelve learners who signed up", PARTNER, reference,
        "Personal data: yes", "Lawful basis: public task", "Who may see it: The two coordinators and the tutors of the course");
    tasklist.claim();
    form.choose("Your decision", "Accept with conditions")
        .fill("Your conditions", "Keep the names out of the reports to the board");
    tasklist.screenshot("dana-accepts-with-conditions");
    tasklist.complete();
    tasklist.logout();

    assertThat(openTaskNames()).noneMatch(name -> name.startsWith("Describe the personal data")
        || name.startsWith("Review the information"));
  }

  @Test
  @Order(15)
  void aReviewFallsDueAndBothSidesGetTheCalendarInvitationAndTheEvidence() throws Exception {
    fireCycle("StartEvent_ReviewDue");
    String review = "Review 1 of the partnership between Northshire Council and " + PARTNER;
    for (String address : List.of("pat@partnerflow.example", CONTACT_EMAIL)) {
      MimeMessage invitation = Stream.of(mail.getReceivedMessagesForDomain(address))
          .filter(message -> subject(message).startsWith(review)).findFirst()
          .orElseThrow(() -> new AssertionError("No calendar invitation reached " + address));
      assertThat(subject(invitation)).as(address).endsWith("(" + reference + ")");
      // a calendar folds its lines at 75 octets: unfolded, each property is one line again
      assertThat(parts(invitation, "text/calendar")).as("the invitation's calendar, to " + address)
          .singleElement().extracting(calendar -> calendar.replace("\r\n ", "")).asString()
          .contains("METHOD:REQUEST", "SEQUENCE:0", "DTSTART:" + FIRST_REVIEW.toString().replace("-", "") + "T100000Z")
          .contains("ATTENDEE", "mailto:" + CONTACT_EMAIL, "mailto:pat@partnerflow.example");
      assertThat(subjects(address)).as(address).contains("Evidence for review 1 of the partnership with " + PARTNER
          + " (" + reference + ")");
    }

    // the meeting is for both sides; holding it in Tasklist is for our partnership managers only
    String holdReview = openTaskName("Task_HoldReview");
    assertThat(holdReview).isEqualTo("Hold the review meeting: review 1 (" + PARTNER + ")");
    tasklist.login(contactUserId, CONTACT_PASSWORD);
    for (String filter : tasklist.filters()) {
      assertThat(tasklist.filter(filter)).as(filter).doesNotContain(holdReview);
    }
    tasklist.filter("My group's tasks");
    tasklist.screenshot("contact-does-not-see-the-review-task");
    tasklist.logout();
    tasklist.login("fran", DEMO_PASSWORD);
    assertSeesNoTaskAbout(PARTNER);
    tasklist.logout();
  }

  @Test
  @Order(16)
  void onTheDayOfTheMeetingAPartnershipManagerHoldsTheReviewOnTheEvidenceAndDecidesToContinue() {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_HoldReview").singleResult();
    ClockUtil.setCurrentTime(task.getDueDate());
    journey.runJobs(reference);

    tasklist.login("pat", DEMO_PASSWORD);
    CamundaForm form = tasklist.openTask("My group's tasks", task.getName());
    // the evidence is the journey's: our laptops overdue, their sessions not yet run, both reports in
    assertThat(form.text()).contains("Review 1 of the partnership with " + PARTNER, "The evidence",
        "Northshire Council: actions agreed 1, done on time 0, done late 0, open and overdue 1",
        PARTNER + ": actions agreed 1", "Money spent 2800 of 3000 planned", "Reports exchanged: 2",
        "Tasks finished after their due date:");
    tasklist.screenshot("pat-reads-the-evidence");
    tasklist.claim();
    form.choose("The meeting", "Was held: record it below")
        .choose("How far the aims were achieved", "Partly")
        .fill("The actions, the deviations and their reasons",
            "The laptops came late, waiting for the library's Wi-Fi; the sessions start next month")
        .fill("Failures or mistakes, and their causes", "We ordered the laptops before the Wi-Fi was booked")
        .fill("How to avoid them in future", "Agree the dates that depend on each other at the start")
        .fill("The costs, and how to reduce them", "Under plan: 2800 of 3000; share the library's rooms")
        .fill("The benefits, their value, and how to increase them",
            "Twelve learners signed up; a second course in spring")
        .choose("How far our expectations were met", "Mostly")
        .choose("How far the partner's expectations were met", "Mostly")
        .choose("What the review decides", "Amend the agreement");
    assertThat(form.text()).as("asked for the changes only to amend").contains("Changes to make");
    form.choose("What the review decides", "Continue as agreed")
        .fill("Why", "The aims are within reach now the Wi-Fi is in");
    assertThat(form.text()).doesNotContain("Changes to make");
    assertThat(form.errors()).isEmpty();
    tasklist.screenshot("pat-records-the-review");
    tasklist.complete();
    tasklist.logout();
    journey.runJobs(reference);

    for (String address : List.of("pat@partnerflow.example", CONTACT_EMAIL)) {
      assertThat(subjects(address)).as(address)
          .contains("The record of review 1: Continue as agreed (" + reference + ")");
    }
  }

  @Test
  @Order(17)
  void thePartnersContactConfirmsTheRecordAndThePartnershipContinues() throws Exception {
    String confirm = openTaskName("Task_ConfirmReviewRecord");
    assertThat(confirm).isEqualTo("Confirm the review record: review 1 (" + PARTNER + ")");
    tasklist.login("pat", DEMO_PASSWORD);
    for (String filter : tasklist.filters()) {
      assertThat(tasklist.filter(filter)).as(filter).doesNotContain(confirm);
    }
    tasklist.logout();

    tasklist.login(contactUserId, CONTACT_PASSWORD);
    CamundaForm form = tasklist.openTask("My group's tasks", confirm);
    assertThat(form.text()).contains("The record of review 1", "Held with Northshire Council", "Aims achieved: partly",
        "The laptops came late, waiting for the library's Wi-Fi", "We ordered the laptops before the Wi-Fi was booked",
        "Northshire Council's expectations met: mostly", "Your expectations met: mostly",
        "Continue as agreed — The aims are within reach now the Wi-Fi is in").doesNotContain("Changes to make");
    tasklist.claim();
    form.choose("Your answer", "The record is right");
    assertThat(form.errors()).isEmpty();
    tasklist.screenshot("contact-confirms-the-review-record");
    tasklist.complete();
    tasklist.logout();
    journey.runJobs(reference);

    JsonNode reviews = new ObjectMapper().readTree(rest.withBasicAuth("pat", DEMO_PASSWORD)
        .getForObject("/api/partnerships/" + reference + "/reviews", String.class));
    assertThat(reviews).hasSize(1);
    assertThat(reviews.get(0).get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(reviews.get(0).get("decision").asText()).isEqualTo("CONTINUE");
    assertThat(reviews.get(0).get("heldBy").asText()).isEqualTo("pat");
    assertThat(reviews.get(0).get("partnerConfirmedBy").asText()).isEqualTo(contactUserId);
    JsonNode partnership = new ObjectMapper().readTree(rest.withBasicAuth("pat", DEMO_PASSWORD)
        .getForObject("/api/partnerships/" + reference, String.class));
    assertThat(partnership.get("status").asText()).isEqualTo("AGREED");

    ProcessInstance collaboration = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("collaboration").processInstanceBusinessKey(reference).singleResult();
    assertThat(collaboration).as("the running partnership").isNotNull();
    assertThat(collaboration.isEnded()).isFalse();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("partnershipReview")
        .processInstanceBusinessKey(reference).count()).as("reviews still running").isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_Continue")
        .finished().list()).as("the review ended with the partnership continuing")
        .anyMatch(end -> reference.equals(engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(end.getProcessInstanceId()).singleResult().getBusinessKey()));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(collaboration.getId()).timers()
        .activityId("StartEvent_ReviewDue").singleResult().getDuedate()).as("the next review falls due")
        .isAfter(ClockUtil.getCurrentTime());
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

  /**
   * Moves the engine clock just past the next date of one of the running partnership's cycles
   * (reporting periods, reviews), fires it, and runs what is then due.
   */
  private void fireCycle(String startEvent) {
    ProcessInstance collaboration = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("collaboration").processInstanceBusinessKey(reference).singleResult();
    Job cycle = engine.getManagementService().createJobQuery().processInstanceId(collaboration.getId()).timers()
        .activityId(startEvent).singleResult();
    ClockUtil.setCurrentTime(Date.from(cycle.getDuedate().toInstant().plusSeconds(60)));
    engine.getManagementService().executeJob(cycle.getId());
    journey.runJobs(reference);
  }

  /** The name of the partnership's one open task with this definition key. */
  private String openTaskName(String taskDefinitionKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(tasks).as("open tasks " + taskDefinitionKey).hasSize(1);
    return tasks.get(0).getName();
  }

  private List<String> openTaskNames() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).list().stream()
        .map(Task::getName).toList();
  }

  private List<String> subjects(String address) {
    return Stream.of(mail.getReceivedMessagesForDomain(address)).map(TasklistJourneyBrowserTest::subject).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of every part of the mail with this content type, such as text/calendar. */
  private static List<String> parts(Part part, String type) throws Exception {
    List<String> found = new ArrayList<>();
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        found.addAll(parts(multipart.getBodyPart(i), type));
      }
    } else if (part.isMimeType(type)) {
      Object content = part.getContent();
      found.add(content instanceof String text ? text
          : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8));
    }
    return found;
  }
}
