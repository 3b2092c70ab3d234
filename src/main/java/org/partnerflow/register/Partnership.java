package org.partnerflow.register;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A partnership with one organisation, from the proposal on. Its reference ({@code PF-12}) is the
 * business key of every process that works on it.
 */
@Entity
public class Partnership {

  private static final String REFERENCE_PREFIX = "PF-";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  private Organisation organisation;
  @Enumerated(EnumType.STRING)
  private PartnershipStatus status;
  private String proposedBy;
  private Instant proposedAt;
  private Instant statusChangedAt;
  private String objectivesServed;
  private String partnerObjectives;
  @Enumerated(EnumType.STRING)
  private ObjectiveRelationship objectiveRelationship;
  private String objectiveRelationshipNote;

  protected Partnership() {
  }

  public Partnership(Organisation organisation, String proposedBy, Instant proposedAt, String objectivesServed,
      String partnerObjectives, ObjectiveRelationship objectiveRelationship, String objectiveRelationshipNote) {
    this.organisation = organisation;
    this.proposedBy = proposedBy;
    this.proposedAt = proposedAt;
    this.objectivesServed = objectivesServed;
    this.partnerObjectives = partnerObjectives;
    this.objectiveRelationship = objectiveRelationship;
    this.objectiveRelationshipNote = objectiveRelationshipNote;
    this.status = PartnershipStatus.UNDER_EVALUATION;
    this.statusChangedAt = proposedAt;
  }

  /** The id of a reference such as {@code PF-12}, or -1 when it is not one. */
  public static long idOf(String reference) {
    if (reference == null || !reference.matches(REFERENCE_PREFIX + "[1-9][0-9]{0,17}")) {
      return -1;
    }
    return Long.parseLong(reference.substring(REFERENCE_PREFIX.length()));
  }

  public String getReference() {
    return REFERENCE_PREFIX + id;
  }

  public void moveTo(PartnershipStatus newStatus, Instant when) {
    this.status = newStatus;
    this.statusChangedAt = when;
  }

  public Long getId() {
    return id;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public PartnershipStatus getStatus() {
    return status;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public Instant getProposedAt() {
    return proposedAt;
  }

  public Instant getStatusChangedAt() {
    return statusChangedAt;
  }

  public String getObjectivesServed() {
    return objectivesServed;
  }

  public String getPartnerObjectives() {
    return partnerObjectives;
  }

  public ObjectiveRelationship getObjectiveRelationship() {
    return objectiveRelationship;
  }

  public String getObjectiveRelationshipNote() {
    return objectiveRelationshipNote;
  }

  /** How the partner's objectives relate to ours. */
  public enum ObjectiveRelationship {
    COMMON, COMPLEMENTARY, BOTH
  }
}
