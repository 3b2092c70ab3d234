package org.partnerflow.agreement;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A cost to one organisation, in money and in staff days. */
@Embeddable
public record AgreedCost(@Enumerated(EnumType.STRING) Side organisation, String description, BigDecimal money,
    BigDecimal staffDays) {
}
