package org.partnerflow.collaboration;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;

import org.partnerflow.agreement.AgreementTerms.Communication;
import org.partnerflow.agreement.AgreementTerms.ReviewSchedule;
import org.partnerflow.agreement.AgreementVersion;

/**
 * When the running partnership's cycles fire, from the agreement version: each side's reporting
 * period ends first one period after the agreement came into force, then every period, at 09:00 UTC;
 * each review is prepared (invitation and evidence) the lead time before its agreed date. As ISO
 * 8601 repeating intervals ({@code R/2027-02-01T09:00:00Z/P1M}), the form that timer cycles take.
 */
public record CollaborationSchedule(String ourReportingCycle, String partnerReportingCycle, String reviewCycle) {

  static CollaborationSchedule of(AgreementVersion agreement, Period reviewLeadTime) {
    LocalDate inForce = agreement.getConfirmedAt().atZone(ZoneOffset.UTC).toLocalDate();
    Communication communication = agreement.terms().communication();
    ReviewSchedule review = agreement.terms().review();
    return new CollaborationSchedule(cycle(inForce.plus(communication.ourReportingPeriod()),
        communication.ourReportingPeriod()),
        cycle(inForce.plus(communication.partnerReportingPeriod()), communication.partnerReportingPeriod()),
        cycle(review.firstReviewDate().minus(reviewLeadTime), review.period()));
  }

  Map<String, Object> asVariables() {
    return Map.of(CollaborationVariables.OUR_REPORTING_CYCLE.name(), ourReportingCycle,
        CollaborationVariables.PARTNER_REPORTING_CYCLE.name(), partnerReportingCycle,
        CollaborationVariables.REVIEW_CYCLE.name(), reviewCycle);
  }

  private static String cycle(LocalDate first, Period period) {
    return "R/" + first.atTime(9, 0).toInstant(ZoneOffset.UTC) + "/" + period;
  }
}
