package org.partnerflow.report;

import static org.partnerflow.report.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/** The partner's contact has read our feedback: the register keeps who, when, and their comment. */
@Component
class RecordAcknowledgementDelegate implements JavaDelegate {

  private final ReportService reports;
  private final CurrentUser currentUser;

  RecordAcknowledgementDelegate(ReportService reports, CurrentUser currentUser) {
    this.reports = reports;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(FEEDBACK_READ.from(execution))) {
      throw new InvalidInputException(FEEDBACK_READ.name(), "Tick that you have read the feedback to acknowledge it.");
    }
    reports.acknowledge(FEEDBACK_ID.from(execution), currentUser.id().orElse("unknown"),
        FEEDBACK_COMMENT.from(execution));
  }
}
