package org.partnerflow.agreement;

import static org.partnerflow.system.InputCheck.amount;
import static org.partnerflow.system.InputCheck.choice;
import static org.partnerflow.system.InputCheck.date;
import static org.partnerflow.system.InputCheck.email;
import static org.partnerflow.system.InputCheck.period;
import static org.partnerflow.system.InputCheck.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.partnerflow.agreement.AgreementTerms.Channel;
import org.partnerflow.agreement.AgreementTerms.Communication;
import org.partnerflow.agreement.AgreementTerms.DataRole;
import org.partnerflow.agreement.AgreementTerms.InformationHandling;
import org.partnerflow.agreement.AgreementTerms.LawfulBasis;
import org.partnerflow.agreement.AgreementTerms.ReviewSchedule;
import org.partnerflow.system.InvalidInputException;

/** The draft agreement form as submitted, unchecked; {@link #check(LocalDate)} turns it into terms. */
public record AgreementForm(String aims, List<Map<String, Object>> benefits, List<Map<String, Object>> costs,
    List<Map<String, Object>> actions, List<Map<String, Object>> outcomes, String ourContactEmail,
    String partnerContactEmail, String channel, String ourReportingPeriod, String partnerReportingPeriod,
    String sharedInformation, String informationPurpose, String lawfulBasis, String ourDataRole,
    String partnerDataRole, String confidentiality, String retentionPeriod, String firstReviewDate,
    String reviewPeriod) {

  private static final BigDecimal MAX_MONEY = new BigDecimal("1000000000");
  private static final BigDecimal MAX_DAYS = new BigDecimal("100000");
  private static final int MAX_ROWS = 100;

  /** Checks everything; dates must not lie before {@code today}, the first review must lie after it. */
  public AgreementTerms check(LocalDate today) {
    return new AgreementTerms(
        text("aims", "The aims and objectives", aims, 4000),
        rows("benefits", "Benefit", benefits, true, (row, label) -> new AgreedBenefit(
            choice("benefits", label + "whose benefit", value(row, "benefitFor"), Side.class),
            text("benefits", label + "the description", value(row, "benefit"), 1000),
            text("benefits", label + "how it is measured", value(row, "benefitMeasure"), 1000))),
        rows("costs", "Cost", costs, true, (row, label) -> new AgreedCost(
            choice("costs", label + "whose cost", value(row, "costFor"), Side.class),
            text("costs", label + "the description", value(row, "cost"), 1000),
            amount("costs", label + "the money", decimal(row, "money", label), MAX_MONEY),
            amount("costs", label + "the staff days", decimal(row, "staffDays", label), MAX_DAYS))),
        rows("actions", "Action", actions, true, (row, label) -> new AgreedAction(
            text("actions", label + "the title", value(row, "title"), 500),
            choice("actions", label + "which organisation owns it", value(row, "owner"), Side.class),
            email("actions", label + "the responsible person's e-mail address", value(row, "responsibleEmail")),
            date("actions", label + "the due date", value(row, "dueDate"), today, "cannot be in the past."))),
        rows("outcomes", "Outcome", outcomes, true, (row, label) -> new RequiredOutcome(
            text("outcomes", label + "the description", value(row, "outcome"), 1000),
            text("outcomes", label + "how it is measured", value(row, "outcomeMeasure"), 1000))),
        new Communication(
            email("ourContactEmail", "Our contact's e-mail address", ourContactEmail),
            email("partnerContactEmail", "The partner's contact's e-mail address", partnerContactEmail),
            choice("channel", "The channel", channel, Channel.class),
            period("ourReportingPeriod", "How often we report", ourReportingPeriod),
            period("partnerReportingPeriod", "How often the partner reports", partnerReportingPeriod)),
        new InformationHandling(
            text("sharedInformation", "What information is shared", sharedInformation, 4000),
            text("informationPurpose", "The purpose of sharing it", informationPurpose, 4000),
            choice("lawfulBasis", "The lawful basis", lawfulBasis, LawfulBasis.class),
            choice("ourDataRole", "Our role for the data", ourDataRole, DataRole.class),
            choice("partnerDataRole", "The partner's role for the data", partnerDataRole, DataRole.class),
            text("confidentiality", "The confidentiality arrangements", confidentiality, 4000),
            period("retentionPeriod", "How long information is kept", retentionPeriod)),
        new ReviewSchedule(
            date("firstReviewDate", "The first review date", firstReviewDate, today.plusDays(1),
                "must be after today."),
            period("reviewPeriod", "How often it is reviewed after that", reviewPeriod)));
  }

  private static <T> List<T> rows(String field, String noun, List<Map<String, Object>> rows, boolean atLeastOne,
      BiFunction<Map<String, Object>, String, T> check) {
    if (atLeastOne && rows.isEmpty()) {
      throw new InvalidInputException(field, "Add at least one " + noun.toLowerCase() + ".");
    }
    if (rows.size() > MAX_ROWS) {
      throw new InvalidInputException(field, "At most " + MAX_ROWS + " entries can be recorded.");
    }
    List<T> checked = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      checked.add(check.apply(rows.get(i), noun + " " + (i + 1) + ": "));
    }
    return checked;
  }

  private static String value(Map<String, Object> row, String key) {
    Object value = row.get(key);
    return value == null ? null : value.toString();
  }

  private static BigDecimal decimal(Map<String, Object> row, String key, String label) {
    Object value = row.get(key);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(key, label + "'" + value + "' is not a number.");
    }
  }
}
