package org.partnerflow.review;

import org.partnerflow.review.ReviewRecord.Decision;
import org.partnerflow.review.ReviewRecord.Extent;

/** What a review found and decided, checked. */
public record ReviewFindings(Extent aimsAchieved, String aimsNote, String actionsAndDeviations,
    String failuresAndCauses, String avoidingFailures, String costsAndSavings, String benefitsAndGrowth,
    Extent ourExpectationsMet, Extent partnerExpectationsMet, String expectationsNote, String changes,
    Decision decision, String decisionReason) {
}
