package org.partnerflow.system;

import java.util.ServiceLoader;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Names the Java runtime's own {@link DatatypeFactory} in the system property JAXP reads first, so a
 * timer no longer searches the classpath for another. The engine parses every ISO 8601 duration and cycle
 * with a new {@code DatatypeFactory} ({@code DurationHelper}), and JAXP looks one up each time: the system
 * property, then a {@code ServiceLoader} over every jar on the classpath, which finds none and falls back to
 * the runtime's. That search was about 5% of the job threads' time in the overdue storm (an overdue action's
 * timer is a cycle; docs/benchmarks.md, 14); with 245 jars it takes 0.14 ms against 0.002 ms.
 *
 * <p>Nothing changes which factory is used: the property is set only when nobody set it and the classpath
 * offers no other factory, the case where JAXP uses the runtime's anyway.
 */
@Component
public class DatatypeFactoryProvider extends AbstractProcessEnginePlugin {

  static final String PROPERTY = DatatypeFactory.DATATYPEFACTORY_PROPERTY;

  private static final Logger LOG = LoggerFactory.getLogger(DatatypeFactoryProvider.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    nameTheRuntimesFactory(Thread.currentThread().getContextClassLoader());
  }

  /** Sets the property to the runtime's factory unless it is set or {@code classLoader} offers a factory. */
  static void nameTheRuntimesFactory(ClassLoader classLoader) {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    if (ServiceLoader.load(DatatypeFactory.class, classLoader).stream().findAny().isPresent()) {
      LOG.info("The classpath offers a {}; timers keep looking it up", DatatypeFactory.class.getName());
      return;
    }
    System.setProperty(PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }
}
