package org.partnerflow.action;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** "We cannot do this on time": why, and the new date, kept for the next review. */
@Entity
public class ActionDeviation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "action_id")
  private ActionRecord action;
  private String reportedBy;
  private Instant reportedAt;
  private String reason;
  private LocalDate previousDueDate;
  private LocalDate newDueDate;

  protected ActionDeviation() {
  }

  ActionDeviation(ActionRecord action, String reportedBy, Instant reportedAt, String reason,
      LocalDate previousDueDate, LocalDate newDueDate) {
    this.action = action;
    this.reportedBy = reportedBy;
    this.reportedAt = reportedAt;
    this.reason = reason;
    this.previousDueDate = previousDueDate;
    this.newDueDate = newDueDate;
  }

  public ActionRecord getAction() {
    return action;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  public String getReason() {
    return reason;
  }

  public LocalDate getPreviousDueDate() {
    return previousDueDate;
  }

  public LocalDate getNewDueDate() {
    return newDueDate;
  }

  public String getReportedBy() {
    return reportedBy;
  }
}
