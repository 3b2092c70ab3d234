package org.partnerflow.identification;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface FeasibilityEvaluationRepository extends JpaRepository<FeasibilityEvaluation, Long> {

  Optional<FeasibilityEvaluation> findFirstByPartnershipIdOrderByIdDesc(Long partnershipId);

  List<FeasibilityEvaluation> findByPartnershipIdOrderById(Long partnershipId);
}
