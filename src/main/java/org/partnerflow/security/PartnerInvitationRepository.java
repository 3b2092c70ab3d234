package org.partnerflow.security;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartnerInvitationRepository extends JpaRepository<PartnerInvitation, String> {

  long countByUserId(String userId);

  void deleteByUserId(String userId);

  boolean existsByUserIdAndUsedAtIsNotNull(String userId);
}
