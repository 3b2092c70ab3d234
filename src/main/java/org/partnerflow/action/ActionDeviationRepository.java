package org.partnerflow.action;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActionDeviationRepository extends JpaRepository<ActionDeviation, Long> {

  List<ActionDeviation> findByActionIdOrderById(Long actionId);

  List<ActionDeviation> findByActionPartnershipIdOrderById(Long partnershipId);
}
