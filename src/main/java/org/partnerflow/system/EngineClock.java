package org.partnerflow.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application: the engine's. Timers, due dates and the dates the register
 * records all read it, so a test that moves the engine clock moves them all alike.
 */
@Configuration(proxyBeanMethods = false)
class EngineClock {

  @Bean
  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The engine clock is UTC");
      }

      @Override
      public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
      }
    };
  }
}
