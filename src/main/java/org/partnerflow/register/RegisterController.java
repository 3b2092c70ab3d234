package org.partnerflow.register;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Read-only view of the partner register for the roles that need it. Authentication is HTTP Basic
 * against the engine's users (see {@code RestAuthenticationConfiguration}).
 */
@RestController
@RequestMapping("/api/partnerships")
@Transactional(readOnly = true)
class RegisterController {

  private final PartnershipRepository partnerships;
  private final RegisterReaders readers;

  RegisterController(PartnershipRepository partnerships, RegisterReaders readers) {
    this.partnerships = partnerships;
    this.readers = readers;
  }

  @GetMapping
  List<PartnershipSummary> list(@RequestParam(required = false) String status) {
    readers.check();
    List<Partnership> found = status == null
        ? partnerships.findAllByOrderByProposedAtDesc()
        : partnerships.findByStatusOrderByProposedAtDesc(parseStatus(status));
    return found.stream().map(PartnershipSummary::of).toList();
  }

  @GetMapping("/{reference}")
  PartnershipSummary one(@PathVariable String reference) {
    readers.check();
    return partnerships.findByReference(reference).map(PartnershipSummary::of)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No partnership " + reference));
  }

  private static PartnershipStatus parseStatus(String status) {
    try {
      return PartnershipStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown status '" + status + "'; use one of "
          + Arrays.toString(PartnershipStatus.values()));
    }
  }

  record PartnershipSummary(String reference, String organisation, String sector, String status, String proposedBy,
      Instant proposedAt, Instant statusChangedAt) {

    static PartnershipSummary of(Partnership p) {
      return new PartnershipSummary(p.getReference(), p.getOrganisation().getName(),
          p.getOrganisation().getSector().name(), p.getStatus().name(), p.getProposedBy(), p.getProposedAt(),
          p.getStatusChangedAt());
    }
  }
}
