package org.partnerflow.identification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CollaborationDecisionRepository extends JpaRepository<CollaborationDecision, Long> {

  List<CollaborationDecision> findByPartnershipIdOrderById(Long partnershipId);
}
