package org.partnerflow.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewRecordRepository extends JpaRepository<ReviewRecord, Long> {

  Optional<ReviewRecord> findFirstByPartnershipIdOrderByNumberDesc(Long partnershipId);

  List<ReviewRecord> findByPartnershipIdOrderByNumber(Long partnershipId);
}
