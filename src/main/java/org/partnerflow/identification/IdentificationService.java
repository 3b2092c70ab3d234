package org.partnerflow.identification;

import static org.partnerflow.system.InputCheck.choice;
import static org.partnerflow.system.InputCheck.email;
import static org.partnerflow.system.InputCheck.line;
import static org.partnerflow.system.InputCheck.optionalWebAddress;
import static org.partnerflow.system.InputCheck.text;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import org.partnerflow.identification.CollaborationDecision.Outcome;
import org.partnerflow.register.Organisation;
import org.partnerflow.register.Organisation.Sector;
import org.partnerflow.register.OrganisationRepository;
import org.partnerflow.register.Partnership;
import org.partnerflow.register.Partnership.ObjectiveRelationship;
import org.partnerflow.register.PartnershipRepository;
import org.partnerflow.register.PartnershipStatus;
import org.partnerflow.system.InvalidInputException;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcomes 1 and 2 of the standard: record a potential partner, its evaluation and the decision
 * whether to collaborate. Knows nothing of the process engine.
 */
@Service
@Transactional
public class IdentificationService {

  private final OrganisationRepository organisations;
  private final PartnershipRepository partnerships;
  private final FeasibilityEvaluationRepository evaluations;
  private final CollaborationDecisionRepository decisions;
  private final BigDecimal staffDayRate;
  private final Clock clock;

  IdentificationService(OrganisationRepository organisations, PartnershipRepository partnerships,
      FeasibilityEvaluationRepository evaluations, CollaborationDecisionRepository decisions,
      PartnerflowProperties properties, Clock clock) {
    this.organisations = organisations;
    this.partnerships = partnerships;
    this.evaluations = evaluations;
    this.decisions = decisions;
    this.staffDayRate = properties.identification().staffDayRate();
    this.clock = clock;
  }

  /** Checks the proposal and records the organisation and the partnership under evaluation. */
  public Partnership propose(Proposal proposal, String proposedBy) {
    Instant now = Instant.now(clock);
    Organisation organisation = organisations.save(new Organisation(
        line("organisationName", "The organisation's name", proposal.organisationName(), 200),
        optionalWebAddress("organisationWebsite", "The website", proposal.organisationWebsite()),
        choice("organisationSector", "The sector", proposal.organisationSector(), Sector.class),
        line("contactName", "The contact's name", proposal.contactName(), 200),
        email("contactEmail", "The contact's e-mail address", proposal.contactEmail()),
        now));
    return partnerships.save(new Partnership(organisation,
        text("proposedBy", "The proposer", proposedBy, 128), now,
        text("objectivesServed", "Which of our objectives it serves", proposal.objectivesServed(), 4000),
        text("partnerObjectives", "The organisation's objectives", proposal.partnerObjectives(), 4000),
        choice("objectiveRelationship", "How the objectives relate", proposal.objectiveRelationship(),
            ObjectiveRelationship.class),
        text("objectiveRelationshipNote", "How they are common or complementary",
            proposal.objectiveRelationshipNote(), 4000)));
  }

  /** Records an evaluation and returns the figures the recommendation weighs. */
  public EvaluationFigures recordEvaluation(String reference, Evaluation evaluation, String evaluatedBy,
      String questionAnswered) {
    Partnership partnership = find(reference);
    FeasibilityEvaluation saved = evaluations.save(new FeasibilityEvaluation(partnership,
        text("evaluatedBy", "The evaluator", evaluatedBy, 128), Instant.now(clock), questionAnswered, evaluation,
        staffDayRate));
    partnership.moveTo(PartnershipStatus.AWAITING_DECISION, Instant.now(clock));
    return saved.figures();
  }

  /**
   * Records a senior manager's decision on the latest evaluation. Whoever evaluated it may not
   * decide it: the decision needs a second person.
   *
   * @return the outcome, which the caller routes on
   */
  public Outcome recordDecision(String reference, Decision decision, String decidedBy) {
    Partnership partnership = find(reference);
    FeasibilityEvaluation evaluation = evaluations.findFirstByPartnershipIdOrderByIdDesc(partnership.getId())
        .orElseThrow(() -> new IllegalStateException(reference + " has no evaluation to decide on"));
    String decider = text("decidedBy", "The decider", decidedBy, 128);
    if (decider.equals(evaluation.getEvaluatedBy())) {
      throw new InvalidInputException("decision", "You evaluated this proposal, so you cannot also decide it. "
          + "Another senior manager must make the decision: unclaim the task (the × beside your name) to hand it on.");
    }
    Outcome outcome = choice("decision", "The decision", decision.outcome(), Outcome.class);
    String reason = text("decisionReason", "The reason for the decision", decision.reason(), 4000);
    String question = outcome == Outcome.MORE_INFORMATION
        ? text("moreInformationQuestion", "The question for the evaluator", decision.question(), 4000)
        : null;
    Instant now = Instant.now(clock);
    decisions.save(new CollaborationDecision(evaluation, decision.recommendation(),
        decision.recommendationRationale(), outcome, reason, question, decider, now));
    partnership.moveTo(switch (outcome) {
      case APPROVE -> PartnershipStatus.APPROVED;
      case REJECT -> PartnershipStatus.NOT_PURSUED;
      case MORE_INFORMATION -> PartnershipStatus.MORE_INFORMATION_REQUESTED;
    }, now);
    return outcome;
  }

  private Partnership find(String reference) {
    return partnerships.findByReference(reference)
        .orElseThrow(() -> new IllegalStateException("No partnership " + reference + " in the register"));
  }

  /**
   * A decision as submitted.
   *
   * @param outcome approve, reject or more_information (case-insensitive)
   * @param reason why
   * @param question what the evaluator should find out (for more information)
   * @param recommendation what the decision table recommended
   * @param recommendationRationale why it recommended that
   */
  public record Decision(String outcome, String reason, String question, String recommendation,
      String recommendationRationale) {
  }
}
