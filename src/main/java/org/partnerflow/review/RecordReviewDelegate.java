package org.partnerflow.review;

import static org.partnerflow.review.ReviewVariables.*;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.review.ReviewRecord.Extent;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.DueDates;
import org.partnerflow.system.InputCheck;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/** Keeps what the review found and decided in the register; the partner then has time to confirm it. */
@Component
class RecordReviewDelegate implements JavaDelegate {

  private final ReviewService reviews;
  private final CurrentUser currentUser;
  private final DueDates dueDates;
  private final PartnerflowProperties properties;

  RecordReviewDelegate(ReviewService reviews, CurrentUser currentUser, DueDates dueDates,
      PartnerflowProperties properties) {
    this.reviews = reviews;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String user = currentUser.id().orElse("unknown");
    ReviewRecord review = reviews.hold(REVIEW_ID.from(execution), new ReviewInput(AIMS_ACHIEVED.from(execution),
        AIMS_NOTE.from(execution), ACTIONS_AND_DEVIATIONS.from(execution), FAILURES_AND_CAUSES.from(execution),
        AVOIDING_FAILURES.from(execution), COSTS_AND_SAVINGS.from(execution), BENEFITS_AND_GROWTH.from(execution),
        OUR_EXPECTATIONS_MET.from(execution), PARTNER_EXPECTATIONS_MET.from(execution),
        EXPECTATIONS_NOTE.from(execution), REVIEW_CHANGES.from(execution), REVIEW_DECISION.from(execution),
        DECISION_REASON.from(execution)), user);
    REVIEW_DECISION.set(execution, review.getDecision().name().toLowerCase(java.util.Locale.ROOT));
    REVIEW_DECISION_LABEL.set(execution, switch (review.getDecision()) {
      case CONTINUE -> "Continue as agreed";
      case AMEND -> "Amend the agreement";
      case END -> "End the partnership";
    });
    AIMS_ACHIEVED_LABEL.set(execution, words(AIMS_ACHIEVED.from(execution)));
    OUR_EXPECTATIONS_MET_LABEL.set(execution, words(OUR_EXPECTATIONS_MET.from(execution)));
    PARTNER_EXPECTATIONS_MET_LABEL.set(execution, words(PARTNER_EXPECTATIONS_MET.from(execution)));
    // what was left empty is absent, so the record's form and mail leave it out
    REVIEW_CHANGES.set(execution, review.getChanges());
    HELD_BY.set(execution, user);
    CONFIRMATION_DUE_DATE.set(execution, dueDates.in(properties.reviews().confirmationPeriod()));
  }

  /** An extent the form chose ("notAtAll"), checked already, in words: "not at all". */
  static String words(String extent) {
    return InputCheck.choice("extent", "The extent", extent, Extent.class).name().toLowerCase(Locale.ROOT)
        .replace('_', ' ');
  }
}
