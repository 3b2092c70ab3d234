package org.partnerflow.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerflow.support.Journey;
import org.partnerflow.support.PartnerflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Who reads the information register through REST, with authorization on: data protection and
 * partnership managers read every record; a partner's contact reads only what their own
 * organisation supplied; everyone else reads nothing, and cannot tell whether a partnership exists.
 * Only data protection exports the register as CSV.
 */
@PartnerflowSpringTest
class InformationRegisterAccessTests {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate rest;

  static String ours;
  static String theirs;

  @BeforeEach
  void twoPartnersSupplyInformation() {
    Journey journey = new Journey(engine);
    if (ours == null) {
      ours = journey.runningPartnership("Open Books", "ob1").getBusinessKey();
      theirs = journey.runningPartnership("Closed Books", "cb1").getBusinessKey();
      Map<String, Object> formula = Journey.informationItem(ours, false, "P1Y");
      formula.put("informationDescription", "=HYPERLINK(\"http://evil.example\",\"click\")");
      journey.start("partnerInformation", "pat", formula);
      journey.start("partnerInformation", "pat", Journey.informationItem(theirs, true, "P1Y"));
      var stranger = engine.getIdentityService().newUser("stranger");
      stranger.setPassword("stranger-password");
      engine.getIdentityService().saveUser(stranger);
    }
  }

  @Test
  void dataProtectionAndPartnershipManagersReadEveryPartnersRecords() {
    for (String user : new String[] {"dana", "pat"}) {
      ResponseEntity<String> read = rest.withBasicAuth(user, "demo")
          .getForEntity("/api/partnerships/" + theirs + "/information", String.class);
      assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(read.getBody()).contains("Names and attendance of learners").contains("LEGITIMATE_INTERESTS");
    }
  }

  @Test
  void aPartnersContactReadsOnlyWhatTheirOwnOrganisationSupplied() {
    ResponseEntity<String> own = rest.withBasicAuth("ob1", "ob1-password")
        .getForEntity("/api/partnerships/" + ours + "/information", String.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).contains("HYPERLINK").doesNotContain("Names and attendance");

    ResponseEntity<String> other = rest.withBasicAuth("ob1", "ob1-password")
        .getForEntity("/api/partnerships/" + theirs + "/information", String.class);
    ResponseEntity<String> none = rest.withBasicAuth("ob1", "ob1-password")
        .getForEntity("/api/partnerships/PF-999999/information", String.class);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(other.getBody()).doesNotContain("Names and attendance").doesNotContain("Closed Books");
  }

  @Test
  void otherRolesAndStrangersReadNothing() {
    for (String user : new String[] {"fran", "sam", "stranger"}) {
      assertThat(rest.withBasicAuth(user, user.equals("stranger") ? "stranger-password" : "demo").getForEntity("/api/partnerships/" + ours + "/information",
          String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(rest.getForEntity("/api/partnerships/" + ours + "/information", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void onlyDataProtectionExportsTheRegisterAsCsvWithoutFormulas() {
    ResponseEntity<String> csv = rest.withBasicAuth("dana", "demo").getForEntity("/api/information/register.csv",
        String.class);

    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).startsWith("partnership,partner,information,purpose,personal_data,lawful_basis,"
        + "classification,visible_to,retention,deletion_due,status,disposed_on,data_owner\r\n");
    assertThat(csv.getBody()).contains(theirs + ",Closed Books,Names and attendance of learners,To plan the sessions,"
        + "yes,legitimate_interests,confidential,The two coordinators,P1Y,");
    assertThat(csv.getBody()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
    for (String user : new String[] {"pat", "ob1"}) {
      assertThat(rest.withBasicAuth(user, user.equals("pat") ? "demo" : "ob1-password")
          .getForEntity("/api/information/register.csv", String.class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
  }
}
