package org.partnerflow.action;

import static org.partnerflow.system.InputCheck.date;
import static org.partnerflow.system.InputCheck.text;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partnerflow.agreement.AgreedAction;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementVersion;
import org.partnerflow.register.Partnership;
import org.partnerflow.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcomes 4 and 5 of the standard: every agreed action is an obligation with a date; a delay is
 * recorded with its reason and new date; completion says whether it was on time.
 */
@Service
@Transactional
public class ActionService {

  private final ActionRecordRepository actions;
  private final ActionDeviationRepository deviations;
  private final AgreementService agreements;
  private final Clock clock;

  ActionService(ActionRecordRepository actions, ActionDeviationRepository deviations, AgreementService agreements,
      Clock clock) {
    this.actions = actions;
    this.deviations = deviations;
    this.agreements = agreements;
    this.clock = clock;
  }

  /** The actions of the agreement version, as obligations; made once, found again after that. */
  public List<ActionRecord> open(String reference, int version) {
    AgreementVersion agreement = agreements.versions(reference).stream()
        .filter(candidate -> candidate.getVersion() == version).findFirst()
        .orElseThrow(() -> new IllegalStateException(reference + " has no agreement version " + version));
    Partnership partnership = agreement.getPartnership();
    List<ActionRecord> existing = actions.findByPartnershipIdAndAgreementVersionOrderByPosition(partnership.getId(),
        version);
    if (!existing.isEmpty()) {
      return existing;
    }
    // an amendment: open actions of earlier versions that the new version keeps (same title and
    // organisation) are carried over, the others are closed with a note
    List<ActionRecord> stillOpen = new ArrayList<>(actions.findByPartnershipIdOrderByAgreementVersionAscPositionAsc(
        partnership.getId()).stream().filter(action -> action.getStatus() == ActionRecord.Status.OPEN).toList());
    List<ActionRecord> opened = new ArrayList<>();
    List<AgreedAction> agreed = agreement.terms().actions();
    for (int i = 0; i < agreed.size(); i++) {
      AgreedAction action = agreed.get(i);
      ActionRecord carried = stillOpen.stream().filter(open -> open.getTitle().equals(action.title())
          && open.getOwner() == action.owner()).findFirst().orElse(null);
      if (carried != null) {
        stillOpen.remove(carried);
        carried.carryOver(version, i, action.dueDate());
        opened.add(carried);
      } else {
        opened.add(actions.save(new ActionRecord(partnership, version, i, action.title(), action.owner(),
            action.responsibleEmail(), action.dueDate())));
      }
    }
    stillOpen.forEach(removed -> removed.close("Not in version " + version + " of the agreement."));
    return opened;
  }

  @Transactional(readOnly = true)
  public ActionRecord find(Long id) {
    return actions.findById(id).orElseThrow(() -> new IllegalStateException("No agreed action " + id));
  }

  /** "We cannot do this on time": the reason and a new date after the current one, not in the past. */
  public ActionRecord reportDelay(Long id, String reason, String newDueDate, String reportedBy) {
    ActionRecord action = find(id);
    String why = text("delayReason", "The reason", reason, 4000);
    LocalDate today = LocalDate.now(clock);
    LocalDate newDate = date("newDueDate", "The new date", newDueDate, today, "cannot be in the past.");
    if (!newDate.isAfter(action.getDueDate())) {
      throw new InvalidInputException("newDueDate", "The new date must be after the date it is due now, "
          + action.getDueDate() + ".");
    }
    deviations.save(new ActionDeviation(action, text("reportedBy", "Who reports it", reportedBy, 128),
        Instant.now(clock), why, action.getDueDate(), newDate));
    action.moveTo(newDate);
    return action;
  }

  public ActionRecord complete(Long id, String completedBy) {
    ActionRecord action = find(id);
    action.complete(LocalDate.now(clock), completedBy);
    return action;
  }

  public void recordSupport(Long id, String support) {
    find(id).recordSupport(text("supportOffered", "The support offered", support, 4000));
  }

  /** The partnership ended: every action still open is closed with the note. Returns how many. */
  public int closeOpen(Long partnershipId, String note) {
    List<ActionRecord> open = actions.findByPartnershipIdOrderByAgreementVersionAscPositionAsc(partnershipId).stream()
        .filter(action -> action.getStatus() == ActionRecord.Status.OPEN).toList();
    open.forEach(action -> action.close(note));
    return open.size();
  }

  /** Every action of the partnership, of every agreement version, in agreed order. */
  @Transactional(readOnly = true)
  public List<ActionRecord> ofPartnership(Long partnershipId) {
    return actions.findByPartnershipIdOrderByAgreementVersionAscPositionAsc(partnershipId);
  }

  /** Every delay reported for the partnership's actions, oldest first. */
  @Transactional(readOnly = true)
  public List<ActionDeviation> deviationsOfPartnership(Long partnershipId) {
    return deviations.findByActionPartnershipIdOrderById(partnershipId);
  }

  @Transactional(readOnly = true)
  public List<ActionDeviation> deviations(Long id) {
    return deviations.findByActionIdOrderById(id);
  }
}
