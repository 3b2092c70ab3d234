package org.partnerflow.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code jobBacklog}: how many jobs (timers, mails, asynchronous steps) are due and
 * waiting, how long the oldest has waited, and how many have used up their retries. It reports
 * {@code BACKLOG} (still HTTP 200: the node works, it is behind) when the oldest due job has waited
 * longer than {@code partnerflow.operations.job-backlog-limit}. Camunda's own {@code jobExecutor}
 * component says whether this node's job executor runs at all.
 */
@Component("jobBacklog")
class JobBacklogHealthIndicator extends AbstractHealthIndicator {

  static final Status BACKLOG = new Status("BACKLOG", "Due jobs wait longer than the backlog limit");

  private final ManagementService management;
  private final Clock clock;
  private final Duration limit;

  JobBacklogHealthIndicator(ManagementService management, Clock clock, PartnerflowProperties properties) {
    super("The job backlog could not be read");
    this.management = management;
    this.clock = clock;
    this.limit = properties.operations().jobBacklogLimit();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Instant now = clock.instant();
    long due = management.createJobQuery().executable().count();
    long failed = management.createJobQuery().noRetriesLeft().count();
    List<Job> oldest = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
    Duration waited = oldest.stream().map(Job::getDuedate).filter(date -> date != null).findFirst()
        .map(Date::toInstant).map(dueAt -> Duration.between(dueAt, now)).filter(d -> !d.isNegative())
        .orElse(Duration.ZERO);
    builder.status(waited.compareTo(limit) > 0 ? BACKLOG : Status.UP)
        .withDetail("dueJobs", due)
        .withDetail("oldestDueJobWaitingSeconds", waited.toSeconds())
        .withDetail("limitSeconds", limit.toSeconds())
        .withDetail("jobsWithoutRetries", failed);
  }
}
