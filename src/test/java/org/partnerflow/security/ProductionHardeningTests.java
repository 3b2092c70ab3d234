package org.partnerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnerflow.PartnerflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The prod profile as a browser and an API client meet it: security headers on every page, cookies
 * only over HTTPS and not readable by scripts, error responses without internals, request bodies
 * limited, the password policy and login throttling on. Runs its own application (own database and
 * engine name) in the prod profile.
 */
class ProductionHardeningTests {

  static final String ADMIN_PASSWORD = "A-long-and-secret-0ne";
  static final String ENGINE = "prodhardening";
  /** The engine's own REST path: /engine-rest alone means the engine named "default". */
  static final String REST = "/engine-rest/engine/" + ENGINE;

  static ConfigurableApplicationContext prod;
  static TestRestTemplate rest;

  @BeforeAll
  static void startInTheProdProfile() {
    prod = start(ENGINE, ADMIN_PASSWORD);
    rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port()));
  }

  @AfterAll
  static void stop() {
    prod.close();
  }

  @Test
  void camundasPagesAndOursCarryTheSecurityHeaders() {
    for (String page : List.of("/camunda/app/tasklist/" + ENGINE + "/", "/camunda/api/admin/auth/user/" + ENGINE,
        "/invitation?token=unknown", "/engine-rest/version")) {
      HttpHeaders headers = rest.getForEntity(page, String.class).getHeaders();

      assertThat(headers.getFirst("Strict-Transport-Security")).as(page).isEqualTo("max-age=31536000");
      assertThat(headers.getFirst("Content-Security-Policy")).as(page).contains("default-src 'self'")
          .contains("frame-ancestors 'none'");
      assertThat(headers.getFirst("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
    }
  }

  @Test
  void theSessionAndXsrfCookiesAreSecureAndTheSessionCookieIsHiddenFromScripts() {
    List<String> cookies = rest.getForEntity("/camunda/api/admin/auth/user/" + ENGINE, String.class).getHeaders()
        .get(HttpHeaders.SET_COOKIE);

    assertThat(cookie(cookies, "JSESSIONID")).contains("Secure", "HttpOnly", "SameSite=Lax");
    assertThat(cookie(cookies, "XSRF-TOKEN")).contains("Secure", "SameSite=Strict");
  }

  @Test
  void errorResponsesShowNoInternals() throws IOException {
    List<ResponseEntity<String>> errors = new ArrayList<>();
    errors.add(rest.getForEntity("/no-such-page", String.class));
    errors.add(rest.exchange("/invitation", HttpMethod.DELETE, null, String.class));
    errors.add(rest.withBasicAuth("chief", ADMIN_PASSWORD).postForEntity(REST + "/task?maxResults=1",
        json("{\"orQueries\": [{"), String.class));
    errors.add(rest.withBasicAuth("chief", ADMIN_PASSWORD).getForEntity(REST + "/task/unknown/form-variables",
        String.class));

    for (ResponseEntity<String> error : errors) {
      assertThat(error.getStatusCode().isError()).isTrue();
      assertThat(String.valueOf(error.getBody())).as(error.toString()).doesNotContain("\tat ", "\"trace\"",
          "\"exception\"", "Exception: ", ".java:");
    }
    String refusedByTomcat = rawRequest("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(refusedByTomcat).startsWith("HTTP/1.1 400").doesNotContain("Tomcat", "Exception", "Invalid URI");
  }

  /** What a client that does not encode its request line receives. */
  private static String rawRequest(String request) throws IOException {
    try (Socket socket = new Socket("localhost", port())) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static int port() {
    return ((ServletWebServerApplicationContext) prod).getWebServer().getPort();
  }

  @Test
  void aRequestLargerThanTheLimitIsRefusedWithOrWithoutALength() {
    TestRestTemplate chief = rest.withBasicAuth("chief", ADMIN_PASSWORD);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    byte[] tooLarge = ("{\"padding\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes();

    ResponseEntity<String> withLength = chief.postForEntity(REST + "/task?maxResults=1",
        new HttpEntity<>(tooLarge, headers), String.class);
    assertThat(withLength.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(withLength.getBody()).contains("larger than the 5242880 bytes Partnerflow accepts");

    // a multipart body goes without a length (chunked)
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "too-large");
    parts.add("padding.txt", new ByteArrayResource(tooLarge) {
      @Override
      public String getFilename() {
        return "padding.txt";
      }
    });
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> chunked = chief.postForEntity(REST + "/deployment/create",
        new HttpEntity<>(parts, headers), String.class);
    // read up to the limit only; Camunda's multipart reader then answers 400 itself
    assertThat(chunked.getStatusCode().is4xxClientError()).isTrue();
    assertThat(prod.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery()
        .deploymentName("too-large").count()).isZero();
  }

  @Test
  void thePasswordPolicyIsOnAndAPartnerContactHearsWhatItAsksFor() {
    ProcessEngine engine = prod.getBean(ProcessEngine.class);
    assertThat(engine.getProcessEngineConfiguration().isEnablePasswordPolicy()).isTrue();
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser("kim"));
    String token = prod.getBean(Invitations.class).invite("kim", "kim@partner.example").token();

    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("token", token);
    form.add("password", "only-lower-case-letters");
    form.add("repeated", "only-lower-case-letters");
    ResponseEntity<String> weak = rest.postForEntity("/invitation", form, String.class);

    assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(weak.getBody()).contains("Choose a password with an upper-case letter, a digit");
    form.set("password", "Chose-a-g00d-one!");
    form.set("repeated", "Chose-a-g00d-one!");
    assertThat(rest.postForEntity("/invitation", form, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void loginThrottlingIsOnSoAWrongPasswordDelaysTheNextTry() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) prod.getBean(ProcessEngine.class)
        .getProcessEngineConfiguration();
    assertThat(configuration.getLoginMaxAttempts()).isEqualTo(10);
    assertThat(configuration.getLoginDelayBase()).isPositive();
    assertThat(configuration.getLoginDelayFactor()).isPositive();
    assertThat(configuration.getLoginDelayMaxTime()).isPositive();
    IdentityService identity = configuration.getIdentityService();
    User lee = identity.newUser("lee");
    lee.setPassword("Has-a-g00d-0ne!");
    identity.saveUser(lee);

    assertThat(identity.checkPassword("lee", "a-wrong-guess")).isFalse();

    assertThat(identity.checkPassword("lee", "Has-a-g00d-0ne!")).as("right password, but too soon").isFalse();
  }

  @Test
  void prodRefusesAnAdministratorPasswordThePolicyRefuses() {
    assertThatThrownBy(() -> start("prodweakpolicy", "a-long-and-secret-one").close())
        .rootCause().hasMessageContaining("refuses to start in the prod profile")
        .hasMessageContaining("password policy wants the administrator's password to have an upper-case letter, "
            + "a digit");
  }

  private static String cookie(List<String> setCookies, String name) {
    assertThat(setCookies).as("Set-Cookie headers").isNotNull();
    return setCookies.stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  /** Like StartupTests: own in-memory database and engine name, so it never meets another context. */
  private static ConfigurableApplicationContext start(String name, String adminPassword) {
    Map<String, String> properties = Map.of(
        "spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name", name,
        "camunda.bpm.job-execution.enabled", "false",
        "server.port", "0",
        "management.server.port", "0",
        "spring.mail.host", "127.0.0.1",
        "camunda.bpm.admin-user.id", "chief",
        "camunda.bpm.admin-user.password", adminPassword);
    return new SpringApplicationBuilder(PartnerflowApplication.class).profiles("prod")
        .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
  }
}
