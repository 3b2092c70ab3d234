package org.partnerflow.security;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartnerInvitationRepository extends JpaRepository<PartnerInvitation, String> {

  boolean existsByUserIdAndUsedAtIsNotNull(String userId);
}
