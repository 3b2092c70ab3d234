package org.partnerflow.report;

/**
 * Feedback that helps the partner and keeps their commitment: what went well, what could improve
 * and the support we offer for it, progress towards the shared aims, and the next milestones.
 */
public record FeedbackContent(String wentWell, String couldImprove, String supportOffered,
    String progressTowardsAims, String nextMilestones) {
}
