package org.partnerflow.agreement;

import java.time.Instant;
import java.util.List;

import org.partnerflow.agreement.AgreementVersion.Approvals;
import org.partnerflow.register.PartnershipRepository;
import org.partnerflow.register.RegisterReaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Every agreed version of a partnership's agreement, oldest first, read-only. */
@RestController
@Transactional(readOnly = true)
class AgreementController {

  private final AgreementService agreements;
  private final PartnershipRepository partnerships;
  private final RegisterReaders readers;

  AgreementController(AgreementService agreements, PartnershipRepository partnerships, RegisterReaders readers) {
    this.agreements = agreements;
    this.partnerships = partnerships;
    this.readers = readers;
  }

  @GetMapping("/api/partnerships/{reference}/agreements")
  List<VersionView> versions(@PathVariable String reference) {
    readers.check();
    if (partnerships.findByReference(reference).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No partnership " + reference);
    }
    return agreements.versions(reference).stream()
        .map(v -> new VersionView(v.getVersion(), v.getConfirmedAt(), v.approvals(), v.terms())).toList();
  }

  record VersionView(int version, Instant confirmedAt, Approvals approvals, AgreementTerms terms) {
  }
}
