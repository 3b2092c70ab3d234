package org.partnerflow.operations;

import java.time.Duration;

import org.partnerflow.system.PartnerflowProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code jobBacklog}: how many jobs are due and waiting, how long the oldest has
 * waited, and how many have used up their retries ({@link JobBacklog}). It reports {@code BACKLOG}
 * (still HTTP 200: the node works, it is behind) when the oldest due job has waited longer than
 * {@code partnerflow.operations.job-backlog-limit}. Camunda's own {@code jobExecutor} component says
 * whether this node's job executor runs at all.
 */
@Component // the health component jobBacklog: Spring Boot drops "HealthIndicator" from the bean name
class JobBacklogHealthIndicator extends AbstractHealthIndicator {

  static final Status BACKLOG = new Status("BACKLOG", "Due jobs wait longer than the backlog limit");

  private final JobBacklog backlog;
  private final Duration limit;

  JobBacklogHealthIndicator(JobBacklog backlog, PartnerflowProperties properties) {
    super("The job backlog could not be read");
    this.backlog = backlog;
    this.limit = properties.operations().jobBacklogLimit();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    JobBacklog.State state = backlog.read();
    builder.status(state.oldestWaited().compareTo(limit) > 0 ? BACKLOG : Status.UP)
        .withDetail("dueJobs", state.dueJobs())
        .withDetail("oldestDueJobWaitingSeconds", state.oldestWaited().toSeconds())
        .withDetail("limitSeconds", limit.toSeconds())
        .withDetail("jobsWithoutRetries", state.withoutRetries());
  }
}
