package org.partnerflow.review;

import static org.partnerflow.review.ReviewVariables.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.notification.Notification.Attachment;
import org.partnerflow.notification.ProcessMail;
import org.springframework.stereotype.Component;

/** Mails both sides the evidence pack kept with the review, as an HTML document with its charts. */
@Component
class SendEvidencePackDelegate implements JavaDelegate {

  private final ReviewService reviews;
  private final ProcessMail mail;

  SendEvidencePackDelegate(ReviewService reviews, ProcessMail mail) {
    this.reviews = reviews;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewRecord review = reviews.find(REVIEW_ID.from(execution));
    List<String> attendees = ReviewVariables.attendees(execution);
    String file = "evidence-" + execution.getProcessBusinessKey() + "-review-" + review.getNumber() + ".html";
    mail.send(execution, "review-evidence", attendees, Map.of(),
        List.of(new Attachment(file, "text/html", review.getEvidenceHtml())));
  }
}
