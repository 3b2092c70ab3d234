package org.partnerflow.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A browser's conversation with Camunda's webapps: the session cookie, and the XSRF token that every
 * modifying request to {@code /camunda/api} must send back in a header.
 */
final class WebappSession {

  private final TestRestTemplate rest;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String xsrfToken;

  private WebappSession(TestRestTemplate rest) {
    this.rest = rest;
  }

  /** An anonymous visitor who has loaded a page, so holds a session and its XSRF token. */
  static WebappSession anonymous(TestRestTemplate rest) {
    org.partnerflow.support.WebappRuntimes.restore();
    WebappSession session = new WebappSession(rest);
    session.get("/camunda/api/admin/auth/user/default");
    return session;
  }

  /** Logged in to Tasklist as this user, the way its login page does it. */
  static WebappSession loggedIn(TestRestTemplate rest, String user, String password) {
    WebappSession session = anonymous(rest);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    HttpHeaders headers = session.headers();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> login = session.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>(form, headers));
    if (!login.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("Login as " + user + " failed: " + login.getStatusCode() + " " + login.getBody());
    }
    session.get("/camunda/api/admin/auth/user/default"); // the new session's token, as Tasklist fetches it
    return session;
  }

  ResponseEntity<String> get(String path, Object... uriVariables) {
    return exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), uriVariables);
  }

  ResponseEntity<String> postJson(String path, String json) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers));
  }

  /** A request with a JSON body (or none), with the session's cookies and XSRF token. */
  ResponseEntity<String> send(HttpMethod method, String path, String json) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return exchange(path, method, new HttpEntity<>(json, headers));
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    if (!cookies.isEmpty()) {
      headers.add(HttpHeaders.COOKIE, cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
          .collect(Collectors.joining("; ")));
    }
    if (xsrfToken != null) {
      headers.add("X-XSRF-TOKEN", xsrfToken);
    }
    return headers;
  }

  private ResponseEntity<String> exchange(String path, HttpMethod method, HttpEntity<?> request,
      Object... uriVariables) {
    ResponseEntity<String> response = rest.exchange(path, method, request, String.class, uriVariables);
    List<String> setCookies = response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
    for (String setCookie : setCookies) {
      String pair = setCookie.split(";", 2)[0];
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
    if (token != null && !"Required".equals(token)) {
      xsrfToken = token;
    } else if (cookies.containsKey("XSRF-TOKEN")) {
      xsrfToken = cookies.get("XSRF-TOKEN");
    }
    return response;
  }
}
