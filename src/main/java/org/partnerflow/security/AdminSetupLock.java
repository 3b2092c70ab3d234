package org.partnerflow.security;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * Camunda Admin's first-run page lets anyone, without logging in, create a user in {@code camunda-admin}
 * whenever that group has no member, even when the user directory is full of people. Partnerflow's
 * administrator comes from configuration, so the page has nothing to do once any user exists: it is
 * refused from then on.
 */
@Configuration(proxyBeanMethods = false)
class AdminSetupLock {

  static final String REFUSAL = "{\"type\":\"Forbidden\",\"message\":\"Setup is not available: users exist "
      + "already. The administrator comes from configuration (camunda.bpm.admin-user).\"}";

  @Bean
  FilterRegistrationBean<Filter> adminSetupLockFilter(ObjectProvider<IdentityService> identityService,
      CamundaBpmProperties camunda) {
    Filter lock = (request, response, chain) -> {
      if (identityService.getObject().createUserQuery().count() > 0) {
        refuse((HttpServletResponse) response);
        return;
      }
      chain.doFilter(request, response);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(lock);
    registration.setName("partnerflow-admin-setup-lock");
    registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/setup/*");
    return registration;
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write(REFUSAL);
  }
}
