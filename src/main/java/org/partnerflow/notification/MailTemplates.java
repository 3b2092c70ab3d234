package org.partnerflow.notification;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from the templates {@code mail/NAME-subject.txt}, {@code mail/NAME.html} and
 * {@code mail/NAME.txt}. HTML templates escape what they show ({@code th:text}); the subject is
 * flattened to one line so no user text can add a mail header.
 */
@Component
class MailTemplates {

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

  RenderedMail render(String template, Map<String, Object> model) {
    Context context = new Context();
    context.setVariables(model);
    String subject = text.process(template + "-subject", context).replaceAll("[\\r\\n\\t]+", " ").strip();
    return new RenderedMail(subject, html.process(template, context), text.process(template, context));
  }

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    TemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  record RenderedMail(String subject, String html, String text) {
  }
}
