package org.partnerflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import javax.xml.datatype.XMLGregorianCalendar;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnerflow.support.PartnerflowSpringTest;

/** Timers take the runtime's datatype factory without searching the classpath, and nobody's choice is overridden. */
@PartnerflowSpringTest
class DatatypeFactoryProviderTests {

  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(DatatypeFactoryProvider.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(DatatypeFactoryProvider.PROPERTY);
    } else {
      System.setProperty(DatatypeFactoryProvider.PROPERTY, before);
    }
  }

  @Test
  void theStartedApplicationNamesTheRuntimesFactorySoJaxpLooksNoFurther() throws Exception {
    assertThat(before).as("set when the engine started").isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    assertThat(DatatypeFactory.newInstance().getClass().getName())
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }

  @Test
  void aFactoryNamedByTheOperatorIsKept() {
    System.setProperty(DatatypeFactoryProvider.PROPERTY, OfferedFactory.class.getName());

    DatatypeFactoryProvider.nameTheRuntimesFactory(getClass().getClassLoader());

    assertThat(System.getProperty(DatatypeFactoryProvider.PROPERTY)).isEqualTo(OfferedFactory.class.getName());
  }

  @Test
  void aFactoryOfferedOnTheClasspathIsLeftToJaxpToFind(@TempDir Path classes) throws Exception {
    System.clearProperty(DatatypeFactoryProvider.PROPERTY);
    Path services = Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(services.resolve(DatatypeFactory.class.getName()), OfferedFactory.class.getName() + "\n");

    try (URLClassLoader offering = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      DatatypeFactoryProvider.nameTheRuntimesFactory(offering);
    }

    assertThat(System.getProperty(DatatypeFactoryProvider.PROPERTY)).isNull();
  }

  @Test
  void withNoOtherFactoryTheRuntimesIsNamed() {
    System.clearProperty(DatatypeFactoryProvider.PROPERTY);

    DatatypeFactoryProvider.nameTheRuntimesFactory(getClass().getClassLoader());

    assertThat(System.getProperty(DatatypeFactoryProvider.PROPERTY))
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }

  /** Another factory, as a library on the classpath might offer one; never used to make anything. */
  public static class OfferedFactory extends DatatypeFactory {

    @Override
    public Duration newDuration(String lexicalRepresentation) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Duration newDuration(long durationInMilliSeconds) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Duration newDuration(boolean isPositive, BigInteger years, BigInteger months, BigInteger days,
        BigInteger hours, BigInteger minutes, BigDecimal seconds) {
      throw new UnsupportedOperationException();
    }

    @Override
    public XMLGregorianCalendar newXMLGregorianCalendar() {
      throw new UnsupportedOperationException();
    }

    @Override
    public XMLGregorianCalendar newXMLGregorianCalendar(String lexicalRepresentation) {
      throw new UnsupportedOperationException();
    }

    @Override
    public XMLGregorianCalendar newXMLGregorianCalendar(GregorianCalendar cal) {
      throw new UnsupportedOperationException();
    }

    @Override
    public XMLGregorianCalendar newXMLGregorianCalendar(BigInteger year, int month, int day, int hour, int minute,
        int second, BigDecimal fractionalSecond, int timezone) {
      throw new UnsupportedOperationException();
    }
  }
}
