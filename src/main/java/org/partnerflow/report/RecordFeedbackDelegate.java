package org.partnerflow.report;

import static org.partnerflow.report.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Keeps our feedback on the partner's report in the register, before it is mailed to them. */
@Component
class RecordFeedbackDelegate implements JavaDelegate {

  private final ReportService reports;
  private final CurrentUser currentUser;

  RecordFeedbackDelegate(ReportService reports, CurrentUser currentUser) {
    this.reports = reports;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String user = currentUser.id().orElse("unknown");
    ReportFeedback feedback = reports.giveFeedback(REPORT_ID.from(execution), new FeedbackContent(
        WENT_WELL.from(execution), COULD_IMPROVE.from(execution), FEEDBACK_SUPPORT.from(execution),
        PROGRESS_TOWARDS_AIMS.from(execution), NEXT_MILESTONES.from(execution)), user);
    FEEDBACK_ID.set(execution, feedback.getId());
    FEEDBACK_SUPPORT.set(execution, feedback.getSupportOffered());
    FEEDBACK_GIVEN_BY.set(execution, user);
  }
}
