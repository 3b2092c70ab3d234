package org.partnerflow.report;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportFeedbackRepository extends JpaRepository<ReportFeedback, Long> {

  Optional<ReportFeedback> findByReportId(Long reportId);

  List<ReportFeedback> findByReportPartnershipIdOrderById(Long partnershipId);
}
