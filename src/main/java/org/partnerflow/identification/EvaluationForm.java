package org.partnerflow.identification;

import static org.partnerflow.system.InputCheck.amount;
import static org.partnerflow.system.InputCheck.choice;
import static org.partnerflow.system.InputCheck.optionalText;
import static org.partnerflow.system.InputCheck.score;
import static org.partnerflow.system.InputCheck.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.partnerflow.identification.Evaluation.Rating;
import org.partnerflow.identification.Evaluation.Side;
import org.partnerflow.identification.Risk.Level;
import org.partnerflow.system.InvalidInputException;

/** The evaluation form as submitted, unchecked; {@link #check()} turns it into an {@link Evaluation}. */
public record EvaluationForm(Integer strategicFitScore, String strategicFitNote, Integer aimsScore, String aimsNote,
    Integer valuesScore, String valuesNote, Integer practicesScore, String practicesNote, String ourBenefits,
    BigDecimal ourBenefitValue, BigDecimal ourCostMoney, BigDecimal ourCostStaffDays, String partnerBenefits,
    BigDecimal partnerBenefitValue, BigDecimal partnerCostMoney, BigDecimal partnerCostStaffDays,
    List<Map<String, Object>> risks) {

  private static final BigDecimal MAX_MONEY = new BigDecimal("1000000000");
  private static final BigDecimal MAX_DAYS = new BigDecimal("100000");
  private static final int MAX_RISKS = 50;

  public Evaluation check() {
    return new Evaluation(
        new Rating(score("strategicFitScore", "Strategic fit", strategicFitScore),
            text("strategicFitNote", "Why that strategic fit", strategicFitNote, 4000)),
        new Rating(score("aimsScore", "Compatibility of aims", aimsScore),
            text("aimsNote", "Why that compatibility of aims", aimsNote, 4000)),
        new Rating(score("valuesScore", "Compatibility of values", valuesScore),
            text("valuesNote", "Why that compatibility of values", valuesNote, 4000)),
        new Rating(score("practicesScore", "Compatibility of working practices", practicesScore),
            text("practicesNote", "Why that compatibility of working practices", practicesNote, 4000)),
        new Side(text("ourBenefits", "Our expected benefits", ourBenefits, 4000),
            amount("ourBenefitValue", "The value of our benefits", ourBenefitValue, MAX_MONEY),
            amount("ourCostMoney", "Our costs in money", ourCostMoney, MAX_MONEY),
            amount("ourCostStaffDays", "Our costs in staff days", ourCostStaffDays, MAX_DAYS)),
        new Side(text("partnerBenefits", "The partner's expected benefits", partnerBenefits, 4000),
            amount("partnerBenefitValue", "The value of the partner's benefits", partnerBenefitValue, MAX_MONEY),
            amount("partnerCostMoney", "The partner's costs in money", partnerCostMoney, MAX_MONEY),
            amount("partnerCostStaffDays", "The partner's costs in staff days", partnerCostStaffDays, MAX_DAYS)),
        checkRisks());
  }

  private List<Risk> checkRisks() {
    if (risks.size() > MAX_RISKS) {
      throw new InvalidInputException("risks", "At most " + MAX_RISKS + " risks can be recorded.");
    }
    List<Risk> checked = new ArrayList<>();
    for (int i = 0; i < risks.size(); i++) {
      Map<String, Object> row = risks.get(i);
      String label = "Risk " + (i + 1) + ": ";
      Object mitigable = row.get("mitigable");
      String mitigation = optionalText("risks", label + "the mitigation", asText(row.get("mitigation")), 4000);
      boolean canMitigate = Boolean.TRUE.equals(mitigable) || "true".equals(String.valueOf(mitigable));
      if (canMitigate && mitigation == null) {
        throw new InvalidInputException("risks", label + "say how it can be mitigated, or untick 'can be mitigated'.");
      }
      checked.add(new Risk(text("risks", label + "the description", asText(row.get("description")), 1000),
          choice("risks", label + "the likelihood", asText(row.get("likelihood")), Level.class),
          choice("risks", label + "the impact", asText(row.get("impact")), Level.class),
          mitigation, canMitigate));
    }
    return checked;
  }

  private static String asText(Object value) {
    return value == null ? null : value.toString();
  }
}
