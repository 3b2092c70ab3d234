package org.partnerflow.register;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnershipRepository extends JpaRepository<Partnership, Long> {

  List<Partnership> findAllByOrderByProposedAtDesc();

  List<Partnership> findByStatusOrderByProposedAtDesc(PartnershipStatus status);

  default Optional<Partnership> findByReference(String reference) {
    long id = Partnership.idOf(reference);
    return id < 0 ? Optional.empty() : findById(id);
  }
}
