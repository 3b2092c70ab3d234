package org.partnerflow.collaboration;

import java.time.Clock;
import java.time.Instant;

import org.partnerflow.action.ActionService;
import org.partnerflow.agreement.AgreementService;
import org.partnerflow.agreement.AgreementVersion;
import org.partnerflow.information.InformationService;
import org.partnerflow.register.Partnership;
import org.partnerflow.register.PartnershipStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's part of ending a partnership: every open action is closed with a note, the
 * information the partner supplied falls due for deletion now, and the partnership is marked ended.
 */
@Service
@Transactional
public class ExitService {

  private final AgreementService agreements;
  private final ActionService actions;
  private final InformationService information;
  private final Clock clock;

  ExitService(AgreementService agreements, ActionService actions, InformationService information, Clock clock) {
    this.agreements = agreements;
    this.actions = actions;
    this.information = information;
    this.clock = clock;
  }

  /** What the exit did, for the notice to both sides. */
  public record Exit(Partnership partnership, AgreementVersion agreement, int actionsClosed, int informationDueNow) {
  }

  public Exit close(String reference) {
    AgreementVersion agreement = agreements.current(reference)
        .orElseThrow(() -> new IllegalStateException(reference + " has no agreement"));
    Partnership partnership = agreement.getPartnership();
    int closed = actions.closeOpen(partnership.getId(), "The partnership ended.");
    int dueNow = information.dueNowBecauseThePartnershipEnded(partnership.getId());
    partnership.moveTo(PartnershipStatus.ENDED, Instant.now(clock));
    return new Exit(partnership, agreement, closed, dueNow);
  }
}
