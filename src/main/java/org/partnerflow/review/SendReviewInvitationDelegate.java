package org.partnerflow.review;

import static org.partnerflow.review.ReviewVariables.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.agreement.AgreementLabels;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.notification.Notification.Attachment;
import org.partnerflow.notification.ProcessMail;
import org.springframework.stereotype.Component;

/**
 * Mails both sides the review meeting as a calendar invitation (METHOD:REQUEST). After a reschedule
 * it is the same event (same UID) with a higher SEQUENCE, so calendars move it instead of adding one.
 */
@Component
class SendReviewInvitationDelegate implements JavaDelegate {

  private final ReviewService reviews;
  private final AgreementService agreements;
  private final CalendarInvitations calendars;
  private final ProcessMail mail;
  private final Clock clock;

  SendReviewInvitationDelegate(ReviewService reviews, AgreementService agreements, CalendarInvitations calendars,
      ProcessMail mail, Clock clock) {
    this.reviews = reviews;
    this.agreements = agreements;
    this.calendars = calendars;
    this.mail = mail;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewRecord review = reviews.find(REVIEW_ID.from(execution));
    String reference = execution.getProcessBusinessKey();
    var communication = agreements.current(reference).orElseThrow().terms().communication();
    String ourName = OUR_ORGANISATION_NAME.from(execution);
    String partnerName = ORGANISATION_NAME.from(execution);
    List<String> attendees = ReviewVariables.attendees(execution);
    ReviewMeeting meeting = new ReviewMeeting(review.getCalendarUid(), review.getCalendarSequence(),
        review.getMeetingStart(), Duration.ofMinutes(review.getMeetingMinutes()),
        "Review " + review.getNumber() + " of the partnership between " + ourName + " and " + partnerName + " ("
            + reference + ")",
        "Review " + review.getNumber() + " of our partnership, as our agreement arranges. The evidence pack follows "
            + "by mail. We decide together whether to continue, amend the agreement, or end the partnership.",
        "As agreed: " + AgreementLabels.words(communication.channel()), ourName, communication.ourContactEmail(),
        attendees);
    mail.send(execution, "review-invitation", attendees, Map.of("calendarSequence", review.getCalendarSequence()),
        List.of(Attachment.calendar(calendars.request(meeting, Instant.now(clock)))));
  }
}
