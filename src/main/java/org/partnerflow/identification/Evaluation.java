package org.partnerflow.identification;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a partnership manager found when evaluating a potential partner, checked.
 *
 * @param strategicFit how well it serves our strategic objectives
 * @param aims compatibility of aims
 * @param values compatibility of values
 * @param practices compatibility of working practices
 * @param ours the benefits and costs to us
 * @param partners the benefits and costs to the partner
 * @param risks the risks of working together
 */
public record Evaluation(Rating strategicFit, Rating aims, Rating values, Rating practices, Side ours,
    Side partners, List<Risk> risks) {

  /** A score from 1 (poor) to 5 (excellent) and why. */
  public record Rating(int score, String note) {
  }

  /** One side's expected benefits (described, and valued in money per year) and its costs. */
  public record Side(String benefits, BigDecimal benefitValue, BigDecimal costMoney, BigDecimal costStaffDays) {
  }
}
