package org.partnerflow.security;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * Cockpit's plugin API ({@code /camunda/api/cockpit/...}) checks only engine authorizations, not
 * whether the caller may use Cockpit, and its process statistics count every instance of a definition
 * the caller may read. Every role may read the definitions it works in, so without this anybody
 * logged in to Tasklist would learn how many partnerships, agreements and actions are running. Only
 * a session allowed into Cockpit (the administrators) reaches that API; everyone else gets 403.
 */
@Configuration(proxyBeanMethods = false)
class CockpitApiForCockpitUsers {

  static final String REFUSAL = "{\"type\":\"Forbidden\",\"message\":\"Cockpit's API is only for people who may "
      + "use Cockpit.\"}";

  @Bean
  FilterRegistrationBean<Filter> cockpitApiForCockpitUsersFilter(CamundaBpmProperties camunda) {
    Filter guard = (request, response, chain) -> {
      if (!mayUseCockpit(((HttpServletRequest) request).getSession(false))) {
        refuse((HttpServletResponse) response);
        return;
      }
      chain.doFilter(request, response);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(guard);
    registration.setName("partnerflow-cockpit-api-for-cockpit-users");
    registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/cockpit/*");
    return registration;
  }

  private static boolean mayUseCockpit(HttpSession session) {
    return session != null && AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream()
        .anyMatch(authentication -> authentication.isAuthorizedForApp("cockpit"));
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write(REFUSAL);
  }
}
