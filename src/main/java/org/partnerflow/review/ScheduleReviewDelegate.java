package org.partnerflow.review;

import static org.partnerflow.review.ReviewVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementTerms.ReviewSchedule;
import org.partnerflow.agreement.AgreementVersion;
import org.partnerflow.register.Organisation;
import org.partnerflow.security.People;
import org.partnerflow.security.Roles;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/**
 * A review falls due: books the meeting on the agreed review date (the first date, then every
 * agreed period after it) and sets who takes part: our contact and the partnership managers, and
 * the partner's contacts.
 */
@Component
class ScheduleReviewDelegate implements JavaDelegate {

  static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm 'UTC'",
      java.util.Locale.UK).withZone(ZoneOffset.UTC);

  private final ReviewService reviews;
  private final AgreementService agreements;
  private final People people;
  private final Clock clock;
  private final PartnerflowProperties properties;

  ScheduleReviewDelegate(ReviewService reviews, AgreementService agreements, People people, Clock clock,
      PartnerflowProperties properties) {
    this.reviews = reviews;
    this.agreements = agreements;
    this.people = people;
    this.clock = clock;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    AgreementVersion agreement = agreements.current(reference).orElseThrow();
    Organisation partner = agreement.getPartnership().getOrganisation();
    ReviewSchedule schedule = agreement.terms().review();
    long heldOnThisVersion = reviews.ofPartnership(agreement.getPartnership().getId()).stream()
        .filter(review -> review.getAgreementVersion() == agreement.getVersion()).count();
    LocalDate day = schedule.firstReviewDate();
    for (long i = 0; i < heldOnThisVersion; i++) {
      day = day.plus(schedule.period());
    }
    var settings = properties.reviews();
    Instant start = day.atTime(settings.meetingTime()).toInstant(ZoneOffset.UTC);
    if (!start.isAfter(Instant.now(clock))) {
      start = LocalDate.now(clock).plusDays(1).atTime(settings.meetingTime()).toInstant(ZoneOffset.UTC);
    }
    ReviewRecord review = reviews.schedule(reference, start, (int) settings.meetingLength().toMinutes());

    String ourContact = agreement.terms().communication().ourContactEmail();
    List<String> partnerContacts = people.partnerContacts(agreement.terms().communication().partnerContactEmail(),
        partner.partnerGroupId());
    Set<String> attendees = new LinkedHashSet<>();
    attendees.add(ourContact);
    attendees.addAll(people.emailsOfGroup(Roles.PARTNERSHIP_MANAGERS));
    attendees.addAll(partnerContacts);

    REVIEW_ID.set(execution, review.getId());
    REVIEW_NUMBER.set(execution, review.getNumber());
    ORGANISATION_NAME.set(execution, partner.getName());
    OUR_ORGANISATION_NAME.set(execution, properties.organisationName());
    TASK_SUBJECT.set(execution, "review " + review.getNumber() + " (" + partner.getName() + ")");
    PARTNER_GROUP.set(execution, partner.partnerGroupId());
    OUR_CONTACT_EMAIL.set(execution, ourContact);
    PARTNER_CONTACTS.set(execution, String.join(", ", partnerContacts));
    REVIEW_ATTENDEES.set(execution, String.join(", ", attendees));
    meeting(execution, review);
  }

  /** The meeting's time, for the task's due date, the forms and the mails. */
  static void meeting(DelegateExecution execution, ReviewRecord review) {
    MEETING_START.set(execution, Date.from(review.getMeetingStart()));
    MEETING_START_LABEL.set(execution, LABEL.format(review.getMeetingStart()));
  }
}
