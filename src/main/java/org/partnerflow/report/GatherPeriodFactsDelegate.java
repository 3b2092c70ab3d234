package org.partnerflow.report;

import static org.partnerflow.report.ReportVariables.*;

import java.math.BigDecimal;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementTerms.Communication;
import org.partnerflow.agreement.AgreementVersion;
import org.partnerflow.agreement.Side;
import org.partnerflow.register.Organisation;
import org.partnerflow.security.People;
import org.partnerflow.system.DueDates;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/**
 * A reporting period has ended: gathers the side's facts from the register into the variables the
 * report form shows and pre-fills, who hears of the report, and the dates its timers read.
 */
@Component
class GatherPeriodFactsDelegate implements JavaDelegate {

  private final ReportService reports;
  private final AgreementService agreements;
  private final People people;
  private final DueDates dueDates;
  private final PartnerflowProperties properties;

  GatherPeriodFactsDelegate(ReportService reports, AgreementService agreements, People people, DueDates dueDates,
      PartnerflowProperties properties) {
    this.reports = reports;
    this.agreements = agreements;
    this.people = people;
    this.dueDates = dueDates;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    Side side = ReportSide.of(execution);
    AgreementVersion agreement = agreements.current(reference).orElseThrow();
    Organisation partner = agreement.getPartnership().getOrganisation();
    Communication contacts = agreement.terms().communication();
    PeriodFacts facts = reports.factsForPeriodEndingToday(reference, side);

    ORGANISATION_NAME.set(execution, partner.getName());
    OUR_ORGANISATION_NAME.set(execution, properties.organisationName());
    TASK_SUBJECT.set(execution, facts.periodStart() + " to " + facts.periodEnd() + " (" + partner.getName() + ")");
    PARTNER_GROUP.set(execution, partner.partnerGroupId());
    PARTNER_CONTACTS.set(execution, String.join(", ",
        people.partnerContacts(contacts.partnerContactEmail(), partner.partnerGroupId())));
    OUR_CONTACT_EMAIL.set(execution, contacts.ourContactEmail());

    PERIOD_START.set(execution, facts.periodStart().toString());
    PERIOD_END.set(execution, facts.periodEnd().toString());
    ACTIONS_DUE.set(execution, facts.due());
    ACTIONS_DONE_ON_TIME.set(execution, facts.doneOnTime());
    ACTIONS_DONE_LATE.set(execution, facts.doneLate());
    ACTIONS_OPEN.set(execution, facts.open());
    DEVIATIONS_VIEW.set(execution, facts.deviations().isEmpty() ? "None in this period."
        : facts.deviations().stream().map(deviation -> "- " + deviation.action() + ": moved from " + deviation.from()
            + " to " + deviation.to() + ", because " + deviation.reason()).collect(Collectors.joining("\n")));
    PLANNED_MONEY.set(execution, plain(facts.plannedMoney()));
    PLANNED_STAFF_DAYS.set(execution, plain(facts.plannedStaffDays()));
    // the form's number fields start from the figures of the last report
    execution.setVariable(MONEY_TO_DATE.name(), facts.moneyToDate().doubleValue());
    execution.setVariable(STAFF_DAYS_TO_DATE.name(), facts.staffDaysToDate().doubleValue());

    var settings = properties.reports();
    REPORT_DUE_DATE.set(execution, dueDates.in(side == Side.OURS ? settings.ourPreparationPeriod()
        : settings.partnerGracePeriod()));
    ESCALATION_DATE.set(execution, DueDates.after(REPORT_DUE_DATE.from(execution), settings.chaseInterval()));
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }
}
