package org.partnerflow.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A form is the whole contract between a person and the process: the engine's REST API would store
 * every variable a submission carries, and the steps after a task trust the process variables, so a
 * partner's contact could otherwise send {@code reviewDecision=end} with their confirmation, or point
 * {@code feedbackId} at another organisation's feedback. Through both REST APIs (Tasklist's and
 * {@code /engine-rest}), this filter therefore
 * <ul>
 * <li>lets a task be completed, submitted or resolved, and a process be started, only with variables
 * that are fields of that task's or start event's Camunda Form (a 400 names the others), and</li>
 * <li>refuses (403) changing a task's variables other than by its form.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class FormSubmissionGuard {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TASK_SUBMISSION = Pattern.compile("/task/([^/]+)/(submit-form|complete|resolve)");
  private static final Pattern TASK_VARIABLES = Pattern.compile("/task/[^/]+/(variables|localVariables)(/.*)?");
  private static final Pattern START_BY_KEY =
      Pattern.compile("/process-definition/key/([^/]+)(?:/tenant-id/[^/]+)?/(submit-form|start)");
  private static final Pattern START_BY_ID = Pattern.compile("/process-definition/([^/]+)/(submit-form|start)");

  @Bean
  FilterRegistrationBean<Filter> formSubmissionGuardFilter(ObjectProvider<ProcessEngine> engine,
      CamundaBpmProperties camunda) {
    String webappRest = camunda.getWebapp().getApplicationPath() + "/api/engine/engine/";
    Filter guard = (request, response, chain) -> guard((HttpServletRequest) request,
        (HttpServletResponse) response, chain, engine.getObject(), webappRest);
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(guard);
    registration.setName("partnerflow-form-submission-guard");
    registration.addUrlPatterns("/engine-rest/*", webappRest + "*");
    return registration;
  }

  private static void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      ProcessEngine engine, String webappRest) throws IOException, ServletException {
    String path = restPath(request, webappRest);
    String method = request.getMethod();
    if (path == null || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      chain.doFilter(request, response);
      return;
    }
    if (TASK_VARIABLES.matcher(path).matches()) {
      answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "A task's variables change only through its form: submit the form instead.");
      return;
    }
    Supplier<Set<String>> fields = formFields(path, engine);
    if (fields == null || !"POST".equals(method)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    Set<String> submitted = variableNames(body);
    if (submitted == null) {
      chain.doFilter(new CachedBody(request, body), response); // not JSON: the REST API answers that itself
      return;
    }
    if (!submitted.isEmpty()) {
      Set<String> allowed = withoutAuthentication(engine, fields);
      if (allowed != null) {
        submitted.removeAll(allowed);
        if (!submitted.isEmpty()) {
          answer(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
              "Not fields of this form, so not accepted: " + String.join(", ", submitted) + ".");
          return;
        }
      }
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  /** The path below the REST root (/engine-rest or the webapp's engine API for one engine), or null. */
  private static String restPath(HttpServletRequest request, String webappRest) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    if (uri.startsWith("/engine-rest/")) {
      return uri.substring("/engine-rest".length());
    }
    if (uri.startsWith(webappRest)) {
      int engineEnd = uri.indexOf('/', webappRest.length());
      return engineEnd < 0 ? null : uri.substring(engineEnd);
    }
    return null;
  }

  /** How to read the form fields of what the path submits to, or null when it submits no form. */
  private static Supplier<Set<String>> formFields(String path, ProcessEngine engine) {
    Matcher task = TASK_SUBMISSION.matcher(path);
    if (task.matches()) {
      return () -> taskFormFields(engine, task.group(1));
    }
    Matcher byKey = START_BY_KEY.matcher(path);
    if (byKey.matches()) {
      return () -> {
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(byKey.group(1)).withoutTenantId().latestVersion().singleResult();
        return definition == null ? null : startFormFields(engine, definition.getId());
      };
    }
    Matcher byId = START_BY_ID.matcher(path);
    if (byId.matches() && !"key".equals(byId.group(1))) {
      return () -> startFormFields(engine, byId.group(1));
    }
    return null;
  }

  /** Null when there is no such task: the REST API answers that. A task without a form takes no variables. */
  private static Set<String> taskFormFields(ProcessEngine engine, String taskId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null) {
      return null;
    }
    if (task.getCamundaFormRef() == null && task.getFormKey() == null) {
      return Set.of();
    }
    return fieldsOf(engine.getFormService().getDeployedTaskForm(taskId));
  }

  private static Set<String> startFormFields(ProcessEngine engine, String definitionId) {
    StartFormData start;
    try {
      start = engine.getFormService().getStartFormData(definitionId);
    } catch (ProcessEngineException e) {
      return null; // no such definition: the REST API answers that
    }
    if (start.getCamundaFormRef() == null && start.getFormKey() == null) {
      return Set.of();
    }
    return fieldsOf(engine.getFormService().getDeployedStartForm(definitionId));
  }

  /**
   * Reads the form as the engine itself, not as the caller: whether the caller may work on the task or
   * start the process is for the REST API to answer.
   */
  private static Set<String> withoutAuthentication(ProcessEngine engine, Supplier<Set<String>> fields) {
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    engine.getIdentityService().clearAuthentication();
    try {
      return fields.get();
    } finally {
      if (caller != null) {
        engine.getIdentityService().setAuthentication(caller);
      }
    }
  }

  /** The variable names a Camunda Form submits: keyed fields, and the paths of groups and lists. */
  static Set<String> fieldsOf(InputStream form) {
    try (form) {
      Set<String> names = new TreeSet<>();
      collect(JSON.readTree(form).path("components"), names);
      return names;
    } catch (IOException e) {
      throw new IllegalStateException("A deployed form could not be read", e);
    }
  }

  private static void collect(JsonNode components, Set<String> names) {
    for (JsonNode component : components) {
      String path = component.path("path").asText("");
      String key = component.path("key").asText("");
      if (!path.isEmpty()) {
        names.add(firstSegment(path)); // a group or list with a path submits one variable holding its fields
      } else if (!key.isEmpty()) {
        names.add(firstSegment(key));
      } else if (component.has("components")) {
        collect(component.path("components"), names);
      }
    }
  }

  private static String firstSegment(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }

  /** The names under "variables", none when there is none, or null when the body is not a JSON object. */
  private static Set<String> variableNames(byte[] body) {
    if (body.length == 0) {
      return new TreeSet<>();
    }
    try {
      JsonNode json = JSON.readTree(body);
      if (!(json instanceof ObjectNode)) {
        return null;
      }
      Set<String> names = new TreeSet<>();
      for (Iterator<String> it = json.path("variables").fieldNames(); it.hasNext();) {
        names.add(it.next());
      }
      return names;
    } catch (IOException e) {
      return null;
    }
  }

  private static void answer(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    ObjectNode error = JSON.createObjectNode().put("type", type).put("message", message);
    response.getWriter().write(JSON.writeValueAsString(error));
  }

  /** The request with its body read once and replayed to the REST API. */
  private static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
