package org.partnerflow.information;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.partnerflow.agreement.AgreementTerms.LawfulBasis;
import org.partnerflow.register.Partnership;
import org.partnerflow.system.InvalidInputException;

/**
 * One piece of information a partner supplied (outcome 8 of the standard): what it is, why we
 * hold it, on which lawful basis when it is personal data, how confidential it is, who may see
 * it, and until when we keep it; then how data protection judged it and when it was disposed of.
 */
@Entity
public class InformationItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  private Partnership partnership;
  @Enumerated(EnumType.STRING)
  private Source source;
  private Long reportId;
  private String description;
  private String purpose;
  private boolean personalData;
  @Enumerated(EnumType.STRING)
  private LawfulBasis lawfulBasis;
  @Enumerated(EnumType.STRING)
  private Classification classification;
  private String visibleTo;
  private String retentionPeriod;
  private String outsideArrangements;
  private String dataOwner;
  private Instant recordedAt;
  private LocalDate deletionDue;
  @Enumerated(EnumType.STRING)
  private Status status;
  private String reviewedBy;
  private String reviewNote;
  private String disposedBy;
  private Instant disposedAt;
  private String disposalNote;

  protected InformationItem() {
  }

  InformationItem(Partnership partnership, Source source, Long reportId, String dataOwner, Instant recordedAt) {
    this.partnership = partnership;
    this.source = source;
    this.reportId = reportId;
    this.dataOwner = dataOwner;
    this.recordedAt = recordedAt;
  }

  /** Sets (or, after a refusal, corrects) what is recorded; it then awaits review or is kept. */
  void describe(InformationDescription description, String outsideArrangements, LocalDate today) {
    if (status != null && status != Status.REFUSED) {
      throw new InvalidInputException("informationDescription", "This information is " + status.label
          + "; it can be corrected only after data protection refused it.");
    }
    this.description = description.description();
    this.purpose = description.purpose();
    this.personalData = description.personalData();
    this.lawfulBasis = description.lawfulBasis();
    this.classification = description.classification();
    this.visibleTo = description.visibleTo();
    this.retentionPeriod = description.retention().toString();
    this.outsideArrangements = outsideArrangements;
    this.deletionDue = today.plus(description.retention());
    this.status = needsReview() ? Status.UNDER_REVIEW : Status.KEPT;
    this.reviewedBy = null;
    this.reviewNote = null;
  }

  /** Personal data, and anything outside the agreement's arrangements, go to data protection. */
  public boolean needsReview() {
    return personalData || outsideArrangements != null;
  }

  /** Due for deletion on the day given, if it is still kept and was due later. */
  boolean bringDeletionForward(LocalDate day) {
    boolean kept = status == Status.KEPT || status == Status.ACCEPTED || status == Status.ACCEPTED_WITH_CONDITIONS;
    if (kept && deletionDue.isAfter(day)) {
      this.deletionDue = day;
      return true;
    }
    return false;
  }

  void review(Status decision, String by, String note) {
    if (status != Status.UNDER_REVIEW) {
      throw new InvalidInputException("reviewDecision", "This information is not awaiting review; it is "
          + status.label + ".");
    }
    this.status = decision;
    this.reviewedBy = by;
    this.reviewNote = note;
  }

  void dispose(Status how, String by, Instant at, String note) {
    if (status == Status.DELETED || status == Status.ANONYMISED || status == Status.WITHDRAWN) {
      throw new InvalidInputException("disposal", "This information was " + status.label + " already.");
    }
    this.status = how;
    this.disposedBy = by;
    this.disposedAt = at;
    this.disposalNote = note;
  }

  public Long getId() {
    return id;
  }

  public Partnership getPartnership() {
    return partnership;
  }

  public Source getSource() {
    return source;
  }

  public Long getReportId() {
    return reportId;
  }

  public String getDescription() {
    return description;
  }

  public String getPurpose() {
    return purpose;
  }

  public boolean isPersonalData() {
    return personalData;
  }

  public LawfulBasis getLawfulBasis() {
    return lawfulBasis;
  }

  public Classification getClassification() {
    return classification;
  }

  public String getVisibleTo() {
    return visibleTo;
  }

  public Period getRetentionPeriod() {
    return Period.parse(retentionPeriod);
  }

  public String getOutsideArrangements() {
    return outsideArrangements;
  }

  public String getDataOwner() {
    return dataOwner;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public LocalDate getDeletionDue() {
    return deletionDue;
  }

  public Status getStatus() {
    return status;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public String getReviewNote() {
    return reviewNote;
  }

  public String getDisposedBy() {
    return disposedBy;
  }

  public Instant getDisposedAt() {
    return disposedAt;
  }

  public String getDisposalNote() {
    return disposalNote;
  }

  /** Where the record came from. */
  public enum Source {
    FORM, PARTNER_REPORT
  }

  /** How widely the information may be known. */
  public enum Classification {
    PUBLIC, INTERNAL, CONFIDENTIAL
  }

  /** Where the information is in its life. */
  public enum Status {
    UNDER_REVIEW("awaiting data protection's review"),
    KEPT("kept"),
    ACCEPTED("accepted by data protection"),
    ACCEPTED_WITH_CONDITIONS("accepted by data protection with conditions"),
    REFUSED("refused by data protection"),
    WITHDRAWN("withdrawn and returned"),
    DELETED("deleted"),
    ANONYMISED("anonymised");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
