package org.partnerflow.agreement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Agreed terms as the draft form's variables, so an amendment starts from the version in force:
 * the drafter changes what the review decided to change and keeps the rest.
 */
public final class AgreementDraft {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AgreementDraft() {
  }

  /**
   * The draft form's values for the terms, keeping only the actions still open and starting the
   * review schedule at the given date.
   */
  public static Map<String, Object> variables(AgreementTerms terms, List<String> openActionTitles,
      LocalDate nextReviewDate) {
    Map<String, Object> values = new HashMap<>();
    values.put(AgreementVariables.AIMS.name(), terms.aims());
    values.put(AgreementVariables.BENEFITS.name(), list(terms.benefits().stream().map(benefit -> row(
        "benefitFor", side(benefit.organisation()), "benefit", benefit.description(), "benefitMeasure",
        benefit.measure())).toList()));
    values.put(AgreementVariables.COSTS.name(), list(terms.costs().stream().map(cost -> row(
        "costFor", side(cost.organisation()), "cost", cost.description(), "money", cost.money(), "staffDays",
        cost.staffDays())).toList()));
    values.put(AgreementVariables.ACTIONS.name(), list(terms.actions().stream()
        .filter(action -> openActionTitles.contains(action.title())).map(action -> row(
            "title", action.title(), "owner", side(action.owner()), "responsibleEmail", action.responsibleEmail(),
            "dueDate", action.dueDate().toString())).toList()));
    values.put(AgreementVariables.OUTCOMES.name(), list(terms.outcomes().stream().map(outcome -> row(
        "outcome", outcome.description(), "outcomeMeasure", outcome.measure())).toList()));
    var communication = terms.communication();
    values.put(AgreementVariables.OUR_CONTACT_EMAIL.name(), communication.ourContactEmail());
    values.put(AgreementVariables.PARTNER_CONTACT_EMAIL.name(), communication.partnerContactEmail());
    values.put(AgreementVariables.CHANNEL.name(), camel(communication.channel()));
    values.put(AgreementVariables.OUR_REPORTING_PERIOD.name(), communication.ourReportingPeriod().toString());
    values.put(AgreementVariables.PARTNER_REPORTING_PERIOD.name(), communication.partnerReportingPeriod().toString());
    var information = terms.information();
    values.put(AgreementVariables.SHARED_INFORMATION.name(), information.sharedInformation());
    values.put(AgreementVariables.INFORMATION_PURPOSE.name(), information.purpose());
    values.put(AgreementVariables.LAWFUL_BASIS.name(), camel(information.lawfulBasis()));
    values.put(AgreementVariables.OUR_DATA_ROLE.name(), camel(information.ourRole()));
    values.put(AgreementVariables.PARTNER_DATA_ROLE.name(), camel(information.partnerRole()));
    values.put(AgreementVariables.CONFIDENTIALITY.name(), information.confidentiality());
    values.put(AgreementVariables.RETENTION_PERIOD.name(), information.retention().toString());
    values.put(AgreementVariables.FIRST_REVIEW_DATE.name(), nextReviewDate.toString());
    values.put(AgreementVariables.REVIEW_PERIOD.name(), terms.review().period().toString());
    return values;
  }

  private static String side(Side side) {
    return side == Side.OURS ? "ours" : "partner";
  }

  /** LEGITIMATE_INTERESTS as the form's value legitimateInterests. */
  public static String camel(Enum<?> code) {
    StringBuilder value = new StringBuilder();
    boolean upper = false;
    for (char c : code.name().toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        value.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return value.toString();
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  private static TypedValue list(List<Map<String, Object>> rows) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The agreed rows could not be written as JSON", e);
    }
  }
}
