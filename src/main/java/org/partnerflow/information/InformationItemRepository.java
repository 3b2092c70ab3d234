package org.partnerflow.information;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InformationItemRepository extends JpaRepository<InformationItem, Long> {

  List<InformationItem> findByPartnershipIdOrderById(Long partnershipId);

  List<InformationItem> findAllByOrderByPartnershipIdAscIdAsc();
}
