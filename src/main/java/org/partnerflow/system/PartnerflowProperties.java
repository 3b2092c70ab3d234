package org.partnerflow.system;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator may tune, with defaults that work for the demo. Each property has a line
 * in the README.
 *
 * @param baseUrl where people reach the application; links in mails start with it
 * @param organisationName the name of the organisation that runs Partnerflow, as partners read it
 * @param identification time limits and figures for evaluating a potential partner
 * @param mail who mails come from and the embedded mail server of the demo
 * @param register who may read the partner register through its REST API
 */
@ConfigurationProperties("partnerflow")
public record PartnerflowProperties(
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("Our organisation") String organisationName,
    @DefaultValue Identification identification,
    @DefaultValue Agreement agreement,
    @DefaultValue Actions actions,
    @DefaultValue Reports reports,
    @DefaultValue Reviews reviews,
    @DefaultValue Mail mail,
    @DefaultValue Invitation invitation,
    @DefaultValue Register register,
    @DefaultValue Operations operations) {

  /**
   * @param evaluationPeriod how long partnership managers have to evaluate a proposal (the task's due date)
   * @param decisionPeriod how long senior managers have to decide (the task's due date)
   * @param staffDayRate the money value of one staff day, used to weigh staff time against money
   */
  public record Identification(
      @DefaultValue("P10D") Period evaluationPeriod,
      @DefaultValue("P5D") Period decisionPeriod,
      @DefaultValue("400") BigDecimal staffDayRate) {
  }

  /**
   * @param draftingPeriod how long partnership managers have to draft the agreement
   * @param signOffPeriod how long finance, data protection and senior managers have to sign it off
   * @param confirmationPeriod how long the partner has to confirm it
   */
  public record Agreement(
      @DefaultValue("P10D") Period draftingPeriod,
      @DefaultValue("P5D") Period signOffPeriod,
      @DefaultValue("P10D") Period confirmationPeriod) {
  }

  /**
   * @param reminderLeadTime how long before an action's due date its reminder goes out
   * @param overdueRepeat how often the overdue notice is repeated while the action stays open
   * @param escalationDelay how long after the due date an open action of ours goes to the partnership managers
   */
  public record Actions(
      @DefaultValue("P3D") Period reminderLeadTime,
      @DefaultValue("P7D") Period overdueRepeat,
      @DefaultValue("P14D") Period escalationDelay) {
  }

  /**
   * @param ourPreparationPeriod how long partnership managers have to prepare our report once a period ends
   * @param partnerGracePeriod how long the partner has to send their report once a period ends; then they are chased
   * @param chaseInterval how long after the chase the partnership manager is told that the report is still missing
   * @param feedbackPeriod how long partnership managers have to give feedback on a partner's report
   */
  public record Reports(
      @DefaultValue("P5D") Period ourPreparationPeriod,
      @DefaultValue("P10D") Period partnerGracePeriod,
      @DefaultValue("P7D") Period chaseInterval,
      @DefaultValue("P5D") Period feedbackPeriod) {
  }

  /**
   * @param invitationLeadTime how long before a review meeting its calendar invitation and evidence pack go out
   * @param meetingTime the time of day (UTC) a review meeting starts, on the agreed review date
   * @param meetingLength how long a review meeting is booked for
   * @param confirmationPeriod how long the partner has to confirm the review record before the decision takes effect
   */
  public record Reviews(
      @DefaultValue("P14D") Period invitationLeadTime,
      @DefaultValue("10:00") java.time.LocalTime meetingTime,
      @DefaultValue("PT1H30M") java.time.Duration meetingLength,
      @DefaultValue("P7D") Period confirmationPeriod) {
  }

  /**
   * @param from the sender of every mail
   * @param embedded an SMTP and IMAP server inside the application, for the demo and for tests
   */
  public record Mail(
      @DefaultValue("Partnerflow <partnerflow@partnerflow.example>") String from,
      @DefaultValue EmbeddedServer embedded) {
  }

  /**
   * @param enabled start the embedded server and send all mail to it
   * @param smtpPort its SMTP port; 0 picks a free port
   * @param imapPort its IMAP port; 0 picks a free port
   */
  public record EmbeddedServer(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("3025") int smtpPort,
      @DefaultValue("3143") int imapPort) {
  }

  /**
   * @param validity how long a partner contact's invitation link can be used to set a password
   * @param minimumPasswordLength the shortest password a partner contact may choose
   */
  public record Invitation(
      @DefaultValue("P7D") Period validity,
      @DefaultValue("12") int minimumPasswordLength) {
  }

  /**
   * @param jobBacklogLimit how long a job may wait past its due time before the health endpoint reports
   *     the job executor as falling behind
   */
  public record Operations(
      @DefaultValue("PT10M") java.time.Duration jobBacklogLimit) {
  }

  /** @param readerGroups the groups whose members may read the register's REST API */
  public record Register(
      @DefaultValue({"partnership-managers", "senior-managers", "camunda-admin"}) List<String> readerGroups) {
  }
}
