package org.partnerflow.system;

import java.time.Clock;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.stereotype.Component;

/** Due dates a period from now on the engine clock, as the Date the engine's due-date fields take. */
@Component
public class DueDates {

  private final Clock clock;

  DueDates(Clock clock) {
    this.clock = clock;
  }

  public Date in(Period period) {
    return Date.from(ZonedDateTime.now(clock).plus(period).toInstant());
  }

  /** A period after another due date. */
  public static Date after(Date date, Period period) {
    return Date.from(date.toInstant().atZone(java.time.ZoneOffset.UTC).plus(period).toInstant());
  }
}
