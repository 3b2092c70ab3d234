package org.partnerflow.collaboration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;

import org.partnerflow.agreement.AgreementTerms.Communication;
import org.partnerflow.agreement.AgreementVersion;

/**
 * When the running partnership's cycles fire, from the agreement version: each side's reporting
 * period ends first one period after the agreement came into force, then every period, at 09:00 UTC.
 * As ISO 8601 repeating intervals ({@code R/2027-02-01T09:00:00Z/P1M}), the form that timer cycles take.
 */
public record CollaborationSchedule(String ourReportingCycle, String partnerReportingCycle) {

  static CollaborationSchedule of(AgreementVersion agreement) {
    LocalDate inForce = agreement.getConfirmedAt().atZone(ZoneOffset.UTC).toLocalDate();
    Communication communication = agreement.terms().communication();
    return new CollaborationSchedule(cycle(inForce, communication.ourReportingPeriod()),
        cycle(inForce, communication.partnerReportingPeriod()));
  }

  Map<String, Object> asVariables() {
    return Map.of(CollaborationVariables.OUR_REPORTING_CYCLE.name(), ourReportingCycle,
        CollaborationVariables.PARTNER_REPORTING_CYCLE.name(), partnerReportingCycle);
  }

  private static String cycle(LocalDate from, Period period) {
    Instant first = from.plus(period).atTime(9, 0).toInstant(ZoneOffset.UTC);
    return "R/" + first + "/" + period;
  }
}
