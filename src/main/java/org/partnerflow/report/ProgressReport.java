package org.partnerflow.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.partnerflow.agreement.Side;
import org.partnerflow.register.Partnership;

/**
 * One organisation's progress report for one period: the facts the register knew when it was
 * prepared, and what the organisation says about them. Never changed once sent.
 */
@Entity
public class ProgressReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  private Partnership partnership;
  private int agreementVersion;
  @Enumerated(EnumType.STRING)
  private Side side;
  private LocalDate periodStart;
  private LocalDate periodEnd;
  private int actionsDue;
  private int actionsDoneOnTime;
  private int actionsDoneLate;
  private int actionsOpen;
  private int deviations;
  private String summary;
  private String measures;
  private BigDecimal plannedMoney;
  private BigDecimal plannedStaffDays;
  private BigDecimal moneyToDate;
  private BigDecimal staffDaysToDate;
  private String issues;
  private String supportNeeded;
  private boolean personalData;
  private String submittedBy;
  private Instant submittedAt;

  protected ProgressReport() {
  }

  ProgressReport(Partnership partnership, int agreementVersion, Side side, PeriodFacts facts, ReportContent content,
      String submittedBy, Instant submittedAt) {
    this.partnership = partnership;
    this.agreementVersion = agreementVersion;
    this.side = side;
    this.periodStart = content.periodStart();
    this.periodEnd = content.periodEnd();
    this.actionsDue = facts.due();
    this.actionsDoneOnTime = facts.doneOnTime();
    this.actionsDoneLate = facts.doneLate();
    this.actionsOpen = facts.open();
    this.deviations = facts.deviations().size();
    this.plannedMoney = facts.plannedMoney();
    this.plannedStaffDays = facts.plannedStaffDays();
    this.summary = content.summary();
    this.measures = content.measures();
    this.moneyToDate = content.moneyToDate();
    this.staffDaysToDate = content.staffDaysToDate();
    this.issues = content.issues();
    this.supportNeeded = content.supportNeeded();
    this.personalData = content.personalData();
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
  }

  public Long getId() {
    return id;
  }

  public Partnership getPartnership() {
    return partnership;
  }

  public int getAgreementVersion() {
    return agreementVersion;
  }

  public Side getSide() {
    return side;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public int getActionsDue() {
    return actionsDue;
  }

  public int getActionsDoneOnTime() {
    return actionsDoneOnTime;
  }

  public int getActionsDoneLate() {
    return actionsDoneLate;
  }

  public int getActionsOpen() {
    return actionsOpen;
  }

  public int getDeviations() {
    return deviations;
  }

  public String getSummary() {
    return summary;
  }

  public String getMeasures() {
    return measures;
  }

  public BigDecimal getPlannedMoney() {
    return plannedMoney;
  }

  public BigDecimal getPlannedStaffDays() {
    return plannedStaffDays;
  }

  public BigDecimal getMoneyToDate() {
    return moneyToDate;
  }

  public BigDecimal getStaffDaysToDate() {
    return staffDaysToDate;
  }

  public String getIssues() {
    return issues;
  }

  public String getSupportNeeded() {
    return supportNeeded;
  }

  public boolean isPersonalData() {
    return personalData;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }
}
