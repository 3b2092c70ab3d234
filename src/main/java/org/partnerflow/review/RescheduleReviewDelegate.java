package org.partnerflow.review;

import static org.partnerflow.review.ReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Moves the meeting to the new time (refused in the past); the invitation is then sent again as an update. */
@Component
class RescheduleReviewDelegate implements JavaDelegate {

  private final ReviewService reviews;

  RescheduleReviewDelegate(ReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewRecord review = reviews.reschedule(REVIEW_ID.from(execution), NEW_MEETING_START.from(execution));
    ScheduleReviewDelegate.meeting(execution, review);
    execution.removeVariable(REVIEW_OUTCOME.name());
    execution.removeVariable(NEW_MEETING_START.name());
  }
}
