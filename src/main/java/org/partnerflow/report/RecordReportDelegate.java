package org.partnerflow.report;

import static org.partnerflow.report.ReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.DueDates;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/** Keeps the submitted report in the register; a partner's report then awaits our feedback. */
@Component
class RecordReportDelegate implements JavaDelegate {

  private final ReportService reports;
  private final CurrentUser currentUser;
  private final DueDates dueDates;
  private final PartnerflowProperties properties;

  RecordReportDelegate(ReportService reports, CurrentUser currentUser, DueDates dueDates,
      PartnerflowProperties properties) {
    this.reports = reports;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String user = currentUser.id().orElse("unknown");
    ProgressReport report = reports.record(execution.getProcessBusinessKey(), ReportSide.of(execution),
        new ReportInput(PERIOD_START.from(execution), PERIOD_END.from(execution), SUMMARY.from(execution),
            MEASURES.from(execution), MONEY_TO_DATE.from(execution), STAFF_DAYS_TO_DATE.from(execution),
            ISSUES.from(execution), SUPPORT_NEEDED.from(execution), PERSONAL_DATA.from(execution),
            PERSONAL_DATA_DESCRIPTION.from(execution)),
        user);
    REPORT_ID.set(execution, report.getId());
    // what was left empty is absent, so forms and mails leave it out rather than show an empty heading
    MEASURES.set(execution, report.getMeasures());
    ISSUES.set(execution, report.getIssues());
    SUPPORT_NEEDED.set(execution, report.getSupportNeeded());
    PERSONAL_DATA.set(execution, report.isPersonalData());
    SUBMITTED_BY.set(execution, user);
    FEEDBACK_DUE_DATE.set(execution, dueDates.in(properties.reports().feedbackPeriod()));
  }
}
