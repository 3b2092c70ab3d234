package org.partnerflow.information;

import java.time.Period;

import org.partnerflow.agreement.AgreementTerms.LawfulBasis;
import org.partnerflow.information.InformationItem.Classification;

/** What a piece of information is and how it must be handled, checked. */
public record InformationDescription(String description, String purpose, boolean personalData,
    LawfulBasis lawfulBasis, Classification classification, String visibleTo, Period retention) {
}
