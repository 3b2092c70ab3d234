package org.partnerflow.review;

/** The review form as submitted, unchecked. */
public record ReviewInput(String aimsAchieved, String aimsNote, String actionsAndDeviations, String failuresAndCauses,
    String avoidingFailures, String costsAndSavings, String benefitsAndGrowth, String ourExpectationsMet,
    String partnerExpectationsMet, String expectationsNote, String changes, String decision, String decisionReason) {
}
