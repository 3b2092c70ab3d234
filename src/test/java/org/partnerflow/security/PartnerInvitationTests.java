package org.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/** A partner contact is invited by mail and chooses their own password through a single-use link. */
@PartnerflowSpringTest
class PartnerInvitationTests {

  private static final Pattern LINK = Pattern.compile("/invitation\\?token=([A-Za-z0-9_-]+)");

  @Autowired
  ProcessEngine engine;
  @Autowired
  Invitations invitations;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  GreenMail mail;

  Journey journey;

  @BeforeEach
  void setUp() throws Exception {
    journey = new Journey(engine);
    mail.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theContactGetsALinkNotAPasswordSetsAPasswordOnceAndThenSeesTheConfirmation() throws Exception {
    ProcessInstance agreement = journey.approvedPartnership("Newfield Library");
    Map<String, Object> draft = Journey.draftAgreement();
    draft.put("partnerContactEmail", "jo.bloggs@newfield.example");
    journey.complete(agreement, "Task_DraftAgreement", "pat", draft);
    journey.complete(agreement, "Task_SignOffCosts", "fran", Map.of("costsDecision", "approve"));
    journey.complete(agreement, "Task_SignOffInformation", "dana", Map.of("informationDecision", "approve"));
    journey.complete(agreement, "Task_SignOffAgreement", "sam", Map.of("overallDecision", "approve"));
    journey.runJobs(agreement);

    MimeMessage invitation = mail.getReceivedMessagesForDomain("jo.bloggs@newfield.example")[0];
    String body = GreenMailUtil.getBody(invitation);
    assertThat(invitation.getSubject()).startsWith("Invitation:");
    assertThat(body).contains("jobloggs").doesNotContainIgnoringCase("password:");
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).isTrue();
    String token = link.group(1);

    ResponseEntity<String> page = rest.getForEntity("/invitation?token=" + token, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("jobloggs");
    assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");

    ResponseEntity<String> weak = post(token, "short", "short");
    assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(weak.getBody()).contains("at least 12 characters");
    assertThat(post(token, "a-long-secret-phrase", "another-long-phrase").getBody()).contains("not the same");

    assertThat(post(token, "a-long-secret-phrase", "a-long-secret-phrase").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(engine.getIdentityService().checkPassword("jobloggs", "a-long-secret-phrase")).isTrue();
    assertThat(rest.withBasicAuth("jobloggs", "a-long-secret-phrase")
        .getForObject("/engine-rest/task?maxResults=50&processInstanceId=" + agreement.getId(), String.class))
        .contains("Confirm the collaboration agreement: Newfield Library");

    assertThat(post(token, "yet-another-phrase!", "yet-another-phrase!").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/invitation?token=" + token, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // once the contact has chosen a password, the next agreement only asks them to confirm
    journey.complete(agreement, "Task_ConfirmAgreement", "jobloggs", Map.of("partnerDecision", "requestChanges",
        "partnerComments", "Add a second session"));
    mail.purgeEmailFromAllMailboxes();
    journey.complete(agreement, "Task_DraftAgreement", "pat", draft);
    journey.complete(agreement, "Task_SignOffCosts", "fran", Map.of("costsDecision", "approve"));
    journey.complete(agreement, "Task_SignOffInformation", "dana", Map.of("informationDecision", "approve"));
    journey.complete(agreement, "Task_SignOffAgreement", "sam", Map.of("overallDecision", "approve"));
    journey.runJobs(agreement);
    MimeMessage request = mail.getReceivedMessagesForDomain("jo.bloggs@newfield.example")[0];
    assertThat(request.getSubject()).startsWith("Please confirm: the collaboration agreement with Newfield Library");
    assertThat(GreenMailUtil.getBody(request)).doesNotContain("/invitation?token=");
  }

  @Test
  void aWrongOrMissingTokenIsRefused() {
    assertThat(rest.getForEntity("/invitation?token=not-a-real-token", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/invitation", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("not-a-real-token", "a-long-secret-phrase", "a-long-secret-phrase").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anExpiredLinkIsRefused() {
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser("latecomer"));
    String token = invitations.invite("latecomer", "late@partner.example").token();
    assertThat(rest.getForEntity("/invitation?token=" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(Duration.ofDays(8))));

    assertThat(rest.getForEntity("/invitation?token=" + token, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(token, "a-long-secret-phrase", "a-long-secret-phrase").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ResponseEntity<String> post(String token, String password, String repeated) {
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("token", token);
    form.add("password", password);
    form.add("repeated", repeated);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.postForEntity("/invitation", new HttpEntity<>(form, headers), String.class);
  }
}
