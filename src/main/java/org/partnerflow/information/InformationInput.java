package org.partnerflow.information;

/** The information form's fields as submitted, unchecked. */
public record InformationInput(String description, String purpose, Boolean personalData, String lawfulBasis,
    String classification, String visibleTo, String retentionPeriod) {
}
