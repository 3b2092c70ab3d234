package org.partnerflow.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

import jakarta.servlet.Filter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.HeaderSecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;

/**
 * Two rules for every request that Camunda's own webapp filters do not cover:
 * <ul>
 * <li>a request body larger than {@code spring.servlet.multipart.max-request-size} is refused with 413
 * before anything reads it: Tomcat's and Spring's limits stop forms and Spring's own uploads, but not
 * the JSON and multipart bodies the REST API ({@code /engine-rest}, {@code /camunda/api}) reads;</li>
 * <li>our own pages and APIs (the invitation page, {@code /api}, {@code /engine-rest}) get the security
 * headers Camunda sets on its webapps: no MIME sniffing, a content security policy that allows only
 * our own resources and no framing, and Strict-Transport-Security when
 * {@code camunda.bpm.webapp.header-security.hsts-disabled} is false (the prod profile).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WebHardening {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  FilterRegistrationBean<Filter> requestSizeLimitFilter(ObjectProvider<MultipartProperties> multipart) {
    long limit = multipart.getIfAvailable(MultipartProperties::new).getMaxRequestSize().toBytes();
    Filter filter = (request, response, chain) -> {
      if (request.getContentLengthLong() > limit) {
        refuseAsTooLarge((HttpServletResponse) response, limit);
        return;
      }
      try {
        // a body sent without a length (chunked) is counted while it is read
        chain.doFilter(new LimitedBody((HttpServletRequest) request, limit), response);
      } catch (BodyTooLarge e) {
        if (!response.isCommitted()) {
          response.resetBuffer();
          refuseAsTooLarge((HttpServletResponse) response, limit);
        }
      }
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("partnerflow-request-size-limit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  private static void refuseAsTooLarge(HttpServletResponse response, long limit) throws IOException {
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write("{\"type\":\"PayloadTooLarge\",\"message\":\"The request is larger than the "
        + limit + " bytes Partnerflow accepts.\"}");
  }

  /** Thrown by the request body's stream as soon as more than the limit has been read. */
  static class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLarge(long limit) {
      super("The request is larger than the " + limit + " bytes Partnerflow accepts.");
    }
  }

  /** The request with a body stream that stops after the limit. */
  static class LimitedBody extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    LimitedBody(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
    }
  }

  private static class CountingStream extends ServletInputStream {

    private final ServletInputStream body;
    private final long limit;
    private long read;

    CountingStream(ServletInputStream body, long limit) {
      this.body = body;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int next = body.read();
      count(next < 0 ? 0 : 1);
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = body.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws BodyTooLarge {
      read += n;
      if (read > limit) {
        throw new BodyTooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }

  @Bean
  FilterRegistrationBean<Filter> securityHeadersFilter(CamundaBpmProperties camunda) {
    String webapp = camunda.getWebapp().getApplicationPath();
    String hsts = strictTransportSecurity(camunda.getWebapp().getHeaderSecurity());
    Filter filter = (request, response, chain) -> {
      String path = ((HttpServletRequest) request).getRequestURI()
          .substring(((HttpServletRequest) request).getContextPath().length());
      // Camunda's HttpHeaderSecurityFilter covers its webapps, with a policy its pages need
      if (!path.startsWith(webapp + "/api/") && !path.startsWith(webapp + "/app/")) {
        addHeaders((HttpServletResponse) response, hsts);
      }
      chain.doFilter(request, response);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("partnerflow-security-headers");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  private static void addHeaders(HttpServletResponse response, String hsts) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("Referrer-Policy", "same-origin");
    if (hsts != null) {
      response.setHeader("Strict-Transport-Security", hsts);
    }
  }

  /** The same Strict-Transport-Security header Camunda's webapps send, or none when it is switched off. */
  static String strictTransportSecurity(HeaderSecurityProperties settings) {
    if (settings.isHstsDisabled()) {
      return null;
    }
    if (settings.getHstsValue() != null) {
      return settings.getHstsValue();
    }
    String maxAge = settings.getHstsMaxAge() != null ? settings.getHstsMaxAge() : "31536000";
    return "max-age=" + maxAge + (settings.isHstsIncludeSubdomainsDisabled() ? "" : "; includeSubDomains");
  }
}
