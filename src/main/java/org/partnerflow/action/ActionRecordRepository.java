package org.partnerflow.action;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActionRecordRepository extends JpaRepository<ActionRecord, Long> {

  List<ActionRecord> findByPartnershipIdAndAgreementVersionOrderByPosition(Long partnershipId, int agreementVersion);

  List<ActionRecord> findByPartnershipIdOrderByAgreementVersionAscPositionAsc(Long partnershipId);
}
