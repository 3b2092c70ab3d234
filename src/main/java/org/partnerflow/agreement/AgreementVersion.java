package org.partnerflow.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;

import org.partnerflow.agreement.AgreementTerms.Channel;
import org.partnerflow.agreement.AgreementTerms.Communication;
import org.partnerflow.agreement.AgreementTerms.DataRole;
import org.partnerflow.agreement.AgreementTerms.InformationHandling;
import org.partnerflow.agreement.AgreementTerms.LawfulBasis;
import org.partnerflow.agreement.AgreementTerms.ReviewSchedule;
import org.partnerflow.register.Partnership;

/**
 * One confirmed version of a collaboration agreement. Never changed once written: an amendment is
 * the next version. Its items are rows, so later stages can query actions, costs and outcomes.
 */
@Entity
public class AgreementVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Partnership partnership;
  private int version;
  private String aims;
  private String ourContactEmail;
  private String partnerContactEmail;
  @Enumerated(EnumType.STRING)
  private Channel channel;
  private String ourReportingPeriod;
  private String partnerReportingPeriod;
  private String sharedInformation;
  private String informationPurpose;
  @Enumerated(EnumType.STRING)
  private LawfulBasis lawfulBasis;
  @Enumerated(EnumType.STRING)
  private DataRole ourDataRole;
  @Enumerated(EnumType.STRING)
  private DataRole partnerDataRole;
  private String confidentiality;
  private String retentionPeriod;
  private LocalDate firstReviewDate;
  private String reviewPeriod;
  private String draftedBy;
  private String costsApprovedBy;
  private String informationApprovedBy;
  private String overallApprovedBy;
  private String confirmedBy;
  private Instant confirmedAt;
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "agreement_benefit", joinColumns = @JoinColumn(name = "agreement_version_id"))
  @OrderColumn(name = "position")
  private List<AgreedBenefit> benefits = new ArrayList<>();
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "agreement_cost", joinColumns = @JoinColumn(name = "agreement_version_id"))
  @OrderColumn(name = "position")
  private List<AgreedCost> costs = new ArrayList<>();
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "agreement_action", joinColumns = @JoinColumn(name = "agreement_version_id"))
  @OrderColumn(name = "position")
  private List<AgreedAction> actions = new ArrayList<>();
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "agreement_outcome", joinColumns = @JoinColumn(name = "agreement_version_id"))
  @OrderColumn(name = "position")
  private List<RequiredOutcome> outcomes = new ArrayList<>();

  protected AgreementVersion() {
  }

  AgreementVersion(Partnership partnership, int version, AgreementTerms terms, Approvals approvals,
      Instant confirmedAt) {
    this.partnership = partnership;
    this.version = version;
    this.aims = terms.aims();
    Communication communication = terms.communication();
    this.ourContactEmail = communication.ourContactEmail();
    this.partnerContactEmail = communication.partnerContactEmail();
    this.channel = communication.channel();
    this.ourReportingPeriod = communication.ourReportingPeriod().toString();
    this.partnerReportingPeriod = communication.partnerReportingPeriod().toString();
    InformationHandling information = terms.information();
    this.sharedInformation = information.sharedInformation();
    this.informationPurpose = information.purpose();
    this.lawfulBasis = information.lawfulBasis();
    this.ourDataRole = information.ourRole();
    this.partnerDataRole = information.partnerRole();
    this.confidentiality = information.confidentiality();
    this.retentionPeriod = information.retention().toString();
    this.firstReviewDate = terms.review().firstReviewDate();
    this.reviewPeriod = terms.review().period().toString();
    this.draftedBy = approvals.draftedBy();
    this.costsApprovedBy = approvals.costsApprovedBy();
    this.informationApprovedBy = approvals.informationApprovedBy();
    this.overallApprovedBy = approvals.overallApprovedBy();
    this.confirmedBy = approvals.confirmedBy();
    this.confirmedAt = confirmedAt;
    this.benefits.addAll(terms.benefits());
    this.costs.addAll(terms.costs());
    this.actions.addAll(terms.actions());
    this.outcomes.addAll(terms.outcomes());
  }

  /** The terms as agreed, for later stages and for the next amendment. */
  public AgreementTerms terms() {
    return new AgreementTerms(aims, List.copyOf(benefits), List.copyOf(costs), List.copyOf(actions),
        List.copyOf(outcomes),
        new Communication(ourContactEmail, partnerContactEmail, channel, Period.parse(ourReportingPeriod),
            Period.parse(partnerReportingPeriod)),
        new InformationHandling(sharedInformation, informationPurpose, lawfulBasis, ourDataRole, partnerDataRole,
            confidentiality, Period.parse(retentionPeriod)),
        new ReviewSchedule(firstReviewDate, Period.parse(reviewPeriod)));
  }

  public Long getId() {
    return id;
  }

  public int getVersion() {
    return version;
  }

  public Partnership getPartnership() {
    return partnership;
  }

  public Approvals approvals() {
    return new Approvals(draftedBy, costsApprovedBy, informationApprovedBy, overallApprovedBy, confirmedBy);
  }

  public Instant getConfirmedAt() {
    return confirmedAt;
  }

  /** Who drafted, who signed off each part inside our organisation, and who confirmed for the partner. */
  public record Approvals(String draftedBy, String costsApprovedBy, String informationApprovedBy,
      String overallApprovedBy, String confirmedBy) {
  }
}
