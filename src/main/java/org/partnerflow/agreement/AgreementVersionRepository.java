package org.partnerflow.agreement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementVersionRepository extends JpaRepository<AgreementVersion, Long> {

  List<AgreementVersion> findByPartnershipIdOrderByVersion(Long partnershipId);

  Optional<AgreementVersion> findFirstByPartnershipIdOrderByVersionDesc(Long partnershipId);
}
