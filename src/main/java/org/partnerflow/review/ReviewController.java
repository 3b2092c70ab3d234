package org.partnerflow.review;

import java.time.Instant;
import java.util.List;

import org.partnerflow.register.Partnership;
import org.partnerflow.register.RegisterReaders;
import org.partnerflow.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A partnership's reviews and the evidence each was held on. Both sides of the review read them:
 * partnership and senior managers, and the partner's own contacts; nobody else, and nobody learns
 * whether another partner's partnership exists.
 */
@RestController
@Transactional(readOnly = true)
class ReviewController {

  static final List<String> READERS = List.of(Roles.PARTNERSHIP_MANAGERS, Roles.SENIOR_MANAGERS, "camunda-admin");

  private final ReviewService reviews;
  private final RegisterReaders readers;

  ReviewController(ReviewService reviews, RegisterReaders readers) {
    this.reviews = reviews;
    this.readers = readers;
  }

  @GetMapping("/api/partnerships/{reference}/reviews")
  List<ReviewSummary> list(@PathVariable String reference) {
    return reviews.ofPartnership(readable(reference).getId()).stream().map(ReviewSummary::of).toList();
  }

  @GetMapping(value = "/api/partnerships/{reference}/reviews/{number}/evidence.html", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> evidence(@PathVariable String reference, @PathVariable int number) {
    ReviewRecord review = reviews.ofPartnership(readable(reference).getId()).stream()
        .filter(candidate -> candidate.getNumber() == number && candidate.getEvidenceHtml() != null).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No evidence for review " + number
            + " of " + reference));
    return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .body(review.getEvidenceHtml());
  }

  private Partnership readable(String reference) {
    return readers.visiblePartnership(reference, READERS);
  }

  record ReviewSummary(int number, Instant meetingStart, String status, String decision, String decisionReason,
      String heldBy, String partnerConfirmedBy, String partnerComment) {

    static ReviewSummary of(ReviewRecord review) {
      return new ReviewSummary(review.getNumber(), review.getMeetingStart(), review.getStatus().name(),
          review.getDecision() == null ? null : review.getDecision().name(), review.getDecisionReason(),
          review.getHeldBy(), review.getPartnerConfirmedBy(), review.getPartnerComment());
    }
  }
}
