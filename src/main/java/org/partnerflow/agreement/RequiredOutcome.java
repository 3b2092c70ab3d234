package org.partnerflow.agreement;

import jakarta.persistence.Embeddable;

/** An outcome the collaboration must achieve, and its measure. */
@Embeddable
public record RequiredOutcome(String description, String measure) {
}
