package org.partnerflow.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers 500 when a caller names a task that does not exist, when input is
 * refused anywhere but in {@code submit-form}, or when a new user or group has an id the engine does
 * not accept. Those are the caller's mistakes: this answers them
 * with 404 and 400, in Camunda's own error format, and leaves real server errors at 500.
 */
@Configuration(proxyBeanMethods = false)
class RestErrorStatus {

  @Bean
  ResourceConfigCustomizer clientErrorsAsClientErrors() {
    return config -> config.register(RestExceptions.class).register(EngineExceptions.class);
  }

  static Response correct(Throwable thrown) {
    Response camunda = ExceptionHandlerHelper.getInstance().getResponse(thrown);
    if (camunda.getStatus() != Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
      return camunda;
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException || cause instanceof InvalidInputException
          || cause instanceof BadUserRequestException || isInvalidId(cause)) {
        return Response.fromResponse(camunda).status(Status.BAD_REQUEST).build();
      }
      if (cause instanceof NotFoundException
          || (cause instanceof NullValueException && String.valueOf(cause.getMessage()).startsWith("Cannot find"))) {
        return Response.fromResponse(camunda).status(Status.NOT_FOUND).build();
      }
    }
    return camunda;
  }

  /** The engine's refusal of a user, group or tenant id such as "bad id!" (a plain ProcessEngineException). */
  private static boolean isInvalidId(Throwable cause) {
    return cause.getClass() == ProcessEngineException.class
        && String.valueOf(cause.getMessage()).endsWith("is not a valid resource identifier.");
  }

  @Priority(Priorities.USER - 100)
  static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return correct(exception);
    }
  }

  @Priority(Priorities.USER - 100)
  static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return correct(exception);
    }
  }
}
