package org.partnerflow.agreement;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** An action one organisation will take, who is responsible and by when. */
@Embeddable
public record AgreedAction(String title, @Enumerated(EnumType.STRING) Side owner, String responsibleEmail,
    LocalDate dueDate) {
}
