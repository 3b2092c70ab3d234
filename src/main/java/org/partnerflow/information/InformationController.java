package org.partnerflow.information;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.partnerflow.register.Partnership;
import org.partnerflow.register.RegisterReaders;
import org.partnerflow.security.CurrentUser;
import org.partnerflow.security.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The information register. Data protection and partnership managers read every record; a
 * partner's contacts read only what their own organisation supplied; nobody else reads any. The
 * CSV export, the raw material for a record of processing activities (UK GDPR Article 30), is
 * for data protection.
 */
@RestController
@Transactional(readOnly = true)
class InformationController {

  static final List<String> ALL_RECORDS = List.of(Roles.DATA_PROTECTION, Roles.PARTNERSHIP_MANAGERS, "camunda-admin");
  static final List<String> EXPORT = List.of(Roles.DATA_PROTECTION, "camunda-admin");

  private final InformationService information;
  private final RegisterReaders readers;
  private final CurrentUser currentUser;

  InformationController(InformationService information, RegisterReaders readers, CurrentUser currentUser) {
    this.information = information;
    this.readers = readers;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/partnerships/{reference}/information")
  List<InformationRecord> ofPartnership(@PathVariable String reference) {
    Partnership partnership = readers.visiblePartnership(reference, ALL_RECORDS);
    return information.ofPartnership(partnership.getId()).stream().map(InformationRecord::of).toList();
  }

  @GetMapping(value = "/api/information/register.csv", produces = "text/csv")
  ResponseEntity<String> export() {
    if (!currentUser.isInAnyOf(EXPORT)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Exporting the information register needs one of "
          + "the groups " + EXPORT);
    }
    StringBuilder csv = new StringBuilder("partnership,partner,information,purpose,personal_data,lawful_basis,"
        + "classification,visible_to,retention,deletion_due,status,disposed_on,data_owner\r\n");
    for (InformationItem item : information.all()) {
      csv.append(List.of(item.getPartnership().getReference(), item.getPartnership().getOrganisation().getName(),
          item.getDescription(), item.getPurpose(), item.isPersonalData() ? "yes" : "no",
          item.getLawfulBasis() == null ? "" : item.getLawfulBasis().name().toLowerCase(java.util.Locale.ROOT),
          item.getClassification().name().toLowerCase(java.util.Locale.ROOT), item.getVisibleTo(),
          item.getRetentionPeriod().toString(), item.getDeletionDue().toString(),
          item.getStatus().name().toLowerCase(java.util.Locale.ROOT),
          item.getDisposedAt() == null ? "" : item.getDisposedAt().toString().substring(0, 10), item.getDataOwner())
          .stream().map(InformationController::cell).collect(Collectors.joining(","))).append("\r\n");
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"information-register.csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(csv.toString());
  }

  /** RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return text.matches(".*[\",\r\n'].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  record InformationRecord(Long id, String partnership, String information, String purpose, boolean personalData,
      String lawfulBasis, String classification, String visibleTo, String retention, LocalDate deletionDue,
      String status, String outsideArrangements, String reviewNote, Instant disposedAt, String dataOwner) {

    static InformationRecord of(InformationItem item) {
      return new InformationRecord(item.getId(), item.getPartnership().getReference(), item.getDescription(),
          item.getPurpose(), item.isPersonalData(), item.getLawfulBasis() == null ? null : item.getLawfulBasis().name(),
          item.getClassification().name(), item.getVisibleTo(), item.getRetentionPeriod().toString(),
          item.getDeletionDue(), item.getStatus().name(), item.getOutsideArrangements(), item.getReviewNote(),
          item.getDisposedAt(), item.getDataOwner());
    }
  }
}
