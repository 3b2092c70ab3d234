package org.partnerflow.agreement;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Everything two organisations agree (outcome 3 of the standard), checked.
 *
 * @param aims the aims and objectives of the collaboration
 * @param benefits what each organisation expects to gain, with a measure
 * @param costs what it costs each organisation, in money and staff days
 * @param actions what each organisation will do, who is responsible and by when
 * @param outcomes the outcomes required, each measurable
 * @param communication how the organisations talk and report to each other
 * @param information how information is shared and handled lawfully
 * @param review when the collaboration is reviewed
 */
public record AgreementTerms(String aims, List<AgreedBenefit> benefits, List<AgreedCost> costs,
    List<AgreedAction> actions, List<RequiredOutcome> outcomes, Communication communication,
    InformationHandling information, ReviewSchedule review) {

  /** Contacts, channel, and how often each side reports (ISO 8601 periods). */
  public record Communication(String ourContactEmail, String partnerContactEmail, Channel channel,
      Period ourReportingPeriod, Period partnerReportingPeriod) {
  }

  /** What is shared, why, on which lawful basis, each side's role, confidentiality and retention. */
  public record InformationHandling(String sharedInformation, String purpose, LawfulBasis lawfulBasis,
      DataRole ourRole, DataRole partnerRole, String confidentiality, Period retention) {
  }

  /** The first review and how often after it. */
  public record ReviewSchedule(LocalDate firstReviewDate, Period period) {
  }

  /** How the organisations mainly communicate. */
  public enum Channel {
    EMAIL, MEETING, PHONE, VIDEO
  }

  /** The lawful bases for processing personal data (UK GDPR Article 6). */
  public enum LawfulBasis {
    CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_TASK, LEGITIMATE_INTERESTS
  }

  /** An organisation's role for the shared personal data. */
  public enum DataRole {
    CONTROLLER, PROCESSOR, JOINT_CONTROLLER
  }
}
