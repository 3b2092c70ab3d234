package org.partnerflow.action;

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
import org.partnerflow.system.InvalidInputException;

/** An agreed action as a live obligation: who owns it, when it is due now, and how it ended. */
@Entity
public class ActionRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  private Partnership partnership;
  private int agreementVersion;
  private int position;
  private String title;
  @Enumerated(EnumType.STRING)
  private Side owner;
  private String responsibleEmail;
  private LocalDate agreedDueDate;
  private LocalDate dueDate;
  @Enumerated(EnumType.STRING)
  private Status status;
  private LocalDate doneOn;
  private Boolean onTime;
  private String completedBy;
  private String supportOffered;
  private String closedNote;

  protected ActionRecord() {
  }

  ActionRecord(Partnership partnership, int agreementVersion, int position, String title, Side owner,
      String responsibleEmail, LocalDate dueDate) {
    this.partnership = partnership;
    this.agreementVersion = agreementVersion;
    this.position = position;
    this.title = title;
    this.owner = owner;
    this.responsibleEmail = responsibleEmail;
    this.agreedDueDate = dueDate;
    this.dueDate = dueDate;
    this.status = Status.OPEN;
  }

  void moveTo(LocalDate newDueDate) {
    requireOpen();
    this.dueDate = newDueDate;
  }

  void complete(LocalDate on, String by) {
    requireOpen();
    this.status = Status.DONE;
    this.doneOn = on;
    this.onTime = !on.isAfter(dueDate);
    this.completedBy = by;
  }

  /** No longer an obligation: removed by an amendment, or the partnership ended. */
  void close(String note) {
    requireOpen();
    this.status = Status.CLOSED;
    this.closedNote = note;
  }

  /** An amendment keeps this open action in the next version, at its place and agreed date there. */
  void carryOver(int version, int newPosition, LocalDate agreedDate) {
    requireOpen();
    this.agreementVersion = version;
    this.position = newPosition;
    if (!agreedDate.equals(this.agreedDueDate)) {
      this.agreedDueDate = agreedDate;
      this.dueDate = agreedDate;
    }
  }

  void recordSupport(String support) {
    this.supportOffered = support;
  }

  private void requireOpen() {
    if (status != Status.OPEN) {
      throw new InvalidInputException("actionOutcome", status == Status.CLOSED
          ? "This action was closed: " + closedNote
          : "This action was completed on " + doneOn + "; it cannot be reported late any more.");
    }
  }

  public Long getId() {
    return id;
  }

  public Partnership getPartnership() {
    return partnership;
  }

  public String getTitle() {
    return title;
  }

  public Side getOwner() {
    return owner;
  }

  public String getResponsibleEmail() {
    return responsibleEmail;
  }

  public LocalDate getAgreedDueDate() {
    return agreedDueDate;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public Status getStatus() {
    return status;
  }

  public LocalDate getDoneOn() {
    return doneOn;
  }

  public Boolean getOnTime() {
    return onTime;
  }

  public String getSupportOffered() {
    return supportOffered;
  }

  public String getClosedNote() {
    return closedNote;
  }

  public int getAgreementVersion() {
    return agreementVersion;
  }

  /** Open until done, or closed when it stops being an obligation. */
  public enum Status {
    OPEN, DONE, CLOSED
  }
}
