package org.partnerflow.report;

import java.util.List;
import java.util.Optional;

import org.partnerflow.agreement.Side;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

  List<ProgressReport> findByPartnershipIdOrderByPeriodEndAscIdAsc(Long partnershipId);

  Optional<ProgressReport> findFirstByPartnershipIdAndSideOrderByPeriodEndDesc(Long partnershipId, Side side);

  List<ProgressReport> findByPartnershipIdAndSideAndPeriodStartLessThanEqualAndPeriodEndGreaterThanEqual(
      Long partnershipId, Side side, java.time.LocalDate end, java.time.LocalDate start);
}
