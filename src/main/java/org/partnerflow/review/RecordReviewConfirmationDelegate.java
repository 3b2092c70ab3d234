package org.partnerflow.review;

import static org.partnerflow.review.ReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/** The partner's contact confirmed the review record, or commented on it: the register keeps it. */
@Component
class RecordReviewConfirmationDelegate implements JavaDelegate {

  private final ReviewService reviews;
  private final CurrentUser currentUser;

  RecordReviewConfirmationDelegate(ReviewService reviews, CurrentUser currentUser) {
    this.reviews = reviews;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String answer = REVIEW_ANSWER.from(execution);
    String comment = REVIEW_COMMENT.from(execution);
    if (!"confirm".equals(answer) && !"comment".equals(answer)) {
      throw new InvalidInputException(REVIEW_ANSWER.name(), "Confirm the record, or comment on it.");
    }
    if ("comment".equals(answer) && (comment == null || comment.isBlank())) {
      throw new InvalidInputException(REVIEW_COMMENT.name(), "Write your comment on the record.");
    }
    reviews.confirmByPartner(REVIEW_ID.from(execution), currentUser.id().orElse("unknown"), comment);
  }
}
