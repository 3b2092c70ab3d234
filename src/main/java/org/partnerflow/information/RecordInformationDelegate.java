package org.partnerflow.information;

import static org.partnerflow.information.InformationVariables.*;

import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.agreement.AgreementLabels;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.information.InformationItem.Source;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/**
 * Records the described information in the register (or the owner's correction after a refusal),
 * and sets what decides its path: review by data protection or not, and the retention timer's date.
 */
@Component
class RecordInformationDelegate implements JavaDelegate {

  private final InformationService information;
  private final AgreementService agreements;
  private final CurrentUser currentUser;
  private final String ourName;

  RecordInformationDelegate(InformationService information, AgreementService agreements, CurrentUser currentUser,
      PartnerflowProperties properties) {
    this.information = information;
    this.agreements = agreements;
    this.currentUser = currentUser;
    this.ourName = properties.organisationName();
  }

  @Override
  public void execute(DelegateExecution execution) {
    InformationInput input = new InformationInput(DESCRIPTION.from(execution), PURPOSE.from(execution),
        PERSONAL_DATA.from(execution), LAWFUL_BASIS.from(execution), CLASSIFICATION.from(execution),
        VISIBLE_TO.from(execution), RETENTION.from(execution));
    Long id = INFORMATION_ID.from(execution);
    InformationItem item = id == null
        ? information.record(PARTNERSHIP_REFERENCE.from(execution), input,
            REPORT_ID.from(execution) == null ? Source.FORM : Source.PARTNER_REPORT, REPORT_ID.from(execution),
            currentUser.id().orElse("unknown"))
        : information.correct(id, input);

    String reference = item.getPartnership().getReference();
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(reference);
    }
    String partner = item.getPartnership().getOrganisation().getName();
    INFORMATION_ID.set(execution, item.getId());
    PARTNERSHIP_REFERENCE.set(execution, reference);
    ORGANISATION_NAME.set(execution, partner);
    OUR_ORGANISATION_NAME.set(execution, ourName);
    String what = item.getDescription().length() > 60 ? item.getDescription().substring(0, 57) + "..."
        : item.getDescription();
    TASK_SUBJECT.set(execution, what + " (" + partner + ")");
    PARTNER_CONTACT_EMAIL.set(execution, agreements.current(reference)
        .map(agreement -> agreement.terms().communication().partnerContactEmail())
        .orElse(item.getPartnership().getOrganisation().getContactEmail()));
    NEEDS_REVIEW.set(execution, item.needsReview());
    OUTSIDE_ARRANGEMENTS.set(execution, item.getOutsideArrangements());
    DATA_OWNER.set(execution, item.getDataOwner());
    DELETION_DUE_ON.set(execution, item.getDeletionDue().toString());
    RETENTION_LABEL.set(execution, AgreementLabels.length(item.getRetentionPeriod()));
    // the owner is asked on the morning of the day the retention period ends
    DELETION_DUE_DATE.set(execution, Date.from(item.getDeletionDue().atTime(9, 0).toInstant(ZoneOffset.UTC)));
    execution.removeVariable(REVIEW_DECISION.name());
    execution.removeVariable(CORRECTION.name());
  }
}
