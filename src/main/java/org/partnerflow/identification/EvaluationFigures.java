package org.partnerflow.identification;

import java.math.BigDecimal;

/**
 * The inputs of the decision table {@code collaborationRecommendation}.
 *
 * @param strategicFitScore 1 to 5
 * @param compatibilityScore the weakest of aims, values and working practices, 1 to 5
 * @param ourNetBenefit our benefit value less our money and staff-time costs
 * @param partnerNetBenefit the partner's benefit value less its money and staff-time costs
 * @param seriousUnmitigatedRisks serious risks we cannot mitigate
 * @param otherUnmitigatedRisks lesser risks we cannot mitigate
 */
public record EvaluationFigures(int strategicFitScore, int compatibilityScore, BigDecimal ourNetBenefit,
    BigDecimal partnerNetBenefit, int seriousUnmitigatedRisks, int otherUnmitigatedRisks) {
}
