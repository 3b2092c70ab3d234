package org.partnerflow.identification;

/**
 * A potential partner as proposed on the start form, not yet checked.
 *
 * @param organisationName the organisation's name
 * @param organisationWebsite its website (optional)
 * @param organisationSector one of {@link org.partnerflow.register.Organisation.Sector}
 * @param contactName the person we talk to there
 * @param contactEmail their e-mail address
 * @param objectivesServed which of our strategic objectives a partnership would serve
 * @param partnerObjectives the organisation's own objectives
 * @param objectiveRelationship common, complementary or both
 * @param objectiveRelationshipNote how the objectives are common or complementary
 */
public record Proposal(String organisationName, String organisationWebsite, String organisationSector,
    String contactName, String contactEmail, String objectivesServed, String partnerObjectives,
    String objectiveRelationship, String objectiveRelationshipNote) {
}
