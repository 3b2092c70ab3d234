package org.partnerflow.agreement;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A benefit one organisation expects, and how it will be measured. */
@Embeddable
public record AgreedBenefit(@Enumerated(EnumType.STRING) Side organisation, String description, String measure) {
}
