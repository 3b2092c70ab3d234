package org.partnerflow.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.partnerflow.agreement.AgreementVersion.Approvals;
import org.partnerflow.register.Partnership;
import org.partnerflow.register.PartnershipRepository;
import org.partnerflow.register.PartnershipStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcome 3 of the standard: what the two organisations agree, checked, and each confirmed version
 * kept. Knows nothing of the process engine.
 */
@Service
@Transactional
public class AgreementService {

  private final PartnershipRepository partnerships;
  private final AgreementVersionRepository versions;
  private final Clock clock;

  AgreementService(PartnershipRepository partnerships, AgreementVersionRepository versions, Clock clock) {
    this.partnerships = partnerships;
    this.versions = versions;
    this.clock = clock;
  }

  /** The partnership starts agreeing (or amending) its collaboration. */
  public Partnership startAgreeing(String reference) {
    Partnership partnership = find(reference);
    partnership.moveTo(PartnershipStatus.AGREEING, Instant.now(clock));
    return partnership;
  }

  /** Checks a draft as submitted; refuses it with a message naming the field when it is not sound. */
  @Transactional(readOnly = true)
  public AgreementTerms check(AgreementForm draft) {
    return draft.check(LocalDate.now(clock));
  }

  /** Keeps the confirmed terms as the partnership's next version; earlier versions stay as they were. */
  public AgreementVersion record(String reference, AgreementTerms terms, Approvals approvals) {
    Partnership partnership = find(reference);
    int next = versions.findFirstByPartnershipIdOrderByVersionDesc(partnership.getId())
        .map(AgreementVersion::getVersion).orElse(0) + 1;
    Instant now = Instant.now(clock);
    AgreementVersion version = versions.save(new AgreementVersion(partnership, next, terms, approvals, now));
    partnership.moveTo(PartnershipStatus.AGREED, now);
    return version;
  }

  @Transactional(readOnly = true)
  public List<AgreementVersion> versions(String reference) {
    return versions.findByPartnershipIdOrderByVersion(find(reference).getId());
  }

  @Transactional(readOnly = true)
  public Optional<AgreementVersion> current(String reference) {
    return versions.findFirstByPartnershipIdOrderByVersionDesc(find(reference).getId());
  }

  private Partnership find(String reference) {
    return partnerships.findByReference(reference)
        .orElseThrow(() -> new IllegalStateException("No partnership " + reference + " in the register"));
  }
}
