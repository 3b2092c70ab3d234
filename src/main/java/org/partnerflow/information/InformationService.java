package org.partnerflow.information;

import static org.partnerflow.system.InputCheck.optionalText;
import static org.partnerflow.system.InputCheck.text;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.partnerflow.agreement.AgreementLabels;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementTerms.InformationHandling;
import org.partnerflow.agreement.AgreementTerms.LawfulBasis;
import org.partnerflow.agreement.AgreementVersion;
import org.partnerflow.information.InformationItem.Classification;
import org.partnerflow.information.InformationItem.Source;
import org.partnerflow.information.InformationItem.Status;
import org.partnerflow.register.Partnership;
import org.partnerflow.register.PartnershipRepository;
import org.partnerflow.system.InputCheck;
import org.partnerflow.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcome 8 of the standard: information from a partner is kept only with a purpose, a lawful
 * basis when it is personal, a classification, its readers and a retention period; personal data
 * and anything outside the agreed arrangements is reviewed by data protection; and it is deleted
 * or anonymised when its time is up.
 */
@Service
@Transactional
public class InformationService {

  private final InformationItemRepository items;
  private final PartnershipRepository partnerships;
  private final AgreementService agreements;
  private final Clock clock;

  InformationService(InformationItemRepository items, PartnershipRepository partnerships,
      AgreementService agreements, Clock clock) {
    this.items = items;
    this.partnerships = partnerships;
    this.agreements = agreements;
    this.clock = clock;
  }

  /** Records new information for the partnership; refuses bad input before anything is stored. */
  public InformationItem record(String reference, InformationInput input, Source source, Long reportId,
      String dataOwner) {
    String ref = text("partnershipReference", "The partnership", reference, 20).toUpperCase(java.util.Locale.ROOT);
    Partnership partnership = partnerships.findByReference(ref).orElseThrow(() -> new InvalidInputException(
        "partnershipReference", "There is no partnership " + ref + "; use its reference, such as PF-12."));
    InformationDescription description = check(input);
    InformationItem item = new InformationItem(partnership, source, reportId,
        text("dataOwner", "The data owner", dataOwner, 128), Instant.now(clock));
    item.describe(description, outsideArrangements(ref, description), LocalDate.now(clock));
    return items.save(item);
  }

  /** After a refusal: the owner's corrected record, which goes to review again when it must. */
  public InformationItem correct(Long id, InformationInput input) {
    InformationItem item = find(id);
    InformationDescription description = check(input);
    item.describe(description, outsideArrangements(item.getPartnership().getReference(), description),
        LocalDate.now(clock));
    return item;
  }

  public InformationItem review(Long id, String decision, String note, String by) {
    InformationItem item = find(id);
    Status status = switch (decision == null ? "" : decision) {
      case "accept" -> Status.ACCEPTED;
      case "acceptWithConditions" -> Status.ACCEPTED_WITH_CONDITIONS;
      case "refuse" -> Status.REFUSED;
      default -> throw new InvalidInputException("reviewDecision", "Choose accept, accept with conditions or refuse.");
    };
    String checkedNote = status == Status.ACCEPTED
        ? optionalText("reviewNote", "Your note", note, 4000)
        : text("reviewNote", status == Status.REFUSED ? "Why it is refused and what to correct" : "The conditions",
            note, 4000);
    item.review(status, text("reviewedBy", "The reviewer", by, 128), checkedNote);
    return item;
  }

  /** The owner gives refused information back to the partner instead of keeping it, saying how. */
  public InformationItem withdraw(Long id, String by, String note) {
    InformationItem item = find(id);
    item.dispose(Status.WITHDRAWN, text("disposedBy", "Who withdraws it", by, 128), Instant.now(clock),
        text("disposalNote", "How it was returned", note, 4000));
    return item;
  }

  /** The retention period is over: the owner records that the information is deleted or anonymised. */
  public InformationItem dispose(Long id, String how, String note, String by) {
    InformationItem item = find(id);
    Status status = switch (how == null ? "" : how) {
      case "deleted" -> Status.DELETED;
      case "anonymised" -> Status.ANONYMISED;
      default -> throw new InvalidInputException("disposal", "Say whether the information was deleted or anonymised.");
    };
    item.dispose(status, text("disposedBy", "Who disposed of it", by, 128), Instant.now(clock),
        text("disposalNote", "How and where it was done", note, 4000));
    return item;
  }

  /**
   * The partnership ended: whatever the partner supplied and we still keep must be deleted or
   * anonymised now, not at the end of its retention period. Returns how many items that is.
   */
  public int dueNowBecauseThePartnershipEnded(Long partnershipId) {
    LocalDate today = LocalDate.now(clock);
    int due = 0;
    for (InformationItem item : items.findByPartnershipIdOrderById(partnershipId)) {
      if (item.bringDeletionForward(today)) {
        due++;
      }
    }
    return due;
  }

  @Transactional(readOnly = true)
  public InformationItem find(Long id) {
    return items.findById(id).orElseThrow(() -> new IllegalStateException("No information item " + id));
  }

  @Transactional(readOnly = true)
  public List<InformationItem> ofPartnership(Long partnershipId) {
    return items.findByPartnershipIdOrderById(partnershipId);
  }

  @Transactional(readOnly = true)
  public List<InformationItem> all() {
    return items.findAllByOrderByPartnershipIdAscIdAsc();
  }

  private InformationDescription check(InformationInput input) {
    boolean personal = Boolean.TRUE.equals(input.personalData());
    LawfulBasis basis = null;
    if (personal) {
      if (input.lawfulBasis() == null || input.lawfulBasis().isBlank()) {
        throw new InvalidInputException("informationLawfulBasis", "Personal data needs a lawful basis: choose the "
            + "one that allows us to hold it (UK GDPR Article 6).");
      }
      basis = InputCheck.choice("informationLawfulBasis", "The lawful basis", input.lawfulBasis(), LawfulBasis.class);
    }
    return new InformationDescription(
        text("informationDescription", "What the information is", input.description(), 4000),
        text("informationPurpose", "Why we hold it", input.purpose(), 4000),
        personal, basis,
        InputCheck.choice("classification", "The classification", input.classification(), Classification.class),
        text("visibleTo", "Who may see it", input.visibleTo(), 1000),
        InputCheck.period("informationRetention", "How long it is kept", input.retentionPeriod()));
  }

  /** Why the information falls outside what the agreement arranged, or null when it does not. */
  private String outsideArrangements(String reference, InformationDescription description) {
    Optional<AgreementVersion> agreement = agreements.current(reference);
    if (agreement.isEmpty()) {
      return "No agreement is in force for " + reference + ", so nothing was arranged for this information.";
    }
    InformationHandling agreed = agreement.get().terms().information();
    List<String> reasons = new ArrayList<>();
    if (description.personalData() && description.lawfulBasis() != agreed.lawfulBasis()) {
      reasons.add("the agreement names the lawful basis '" + AgreementLabels.words(agreed.lawfulBasis())
          + "', not '" + AgreementLabels.words(description.lawfulBasis()) + "'");
    }
    if (longer(description.retention(), agreed.retention())) {
      reasons.add("it would be kept for " + AgreementLabels.length(description.retention())
          + ", longer than the agreed " + AgreementLabels.length(agreed.retention()));
    }
    return reasons.isEmpty() ? null : "Outside the agreement (version " + agreement.get().getVersion() + "): "
        + String.join("; ", reasons) + ".";
  }

  private boolean longer(Period one, Period other) {
    LocalDate today = LocalDate.now(clock);
    return today.plus(one).isAfter(today.plus(other));
  }
}
