package org.partnerflow.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.partnerflow.system.PartnerflowProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health component {@code jobBacklog}: how many jobs (timers, mails, asynchronous steps) are due and
 * waiting, how long the oldest has waited, and how many have used up their retries. It reports
 * {@code BACKLOG} (still HTTP 200: the node works, it is behind) when the oldest due job has waited
 * longer than {@code partnerflow.operations.job-backlog-limit}. Camunda's own {@code jobExecutor}
 * component says whether this node's job executor runs at all.
 *
 * <p>It reads the engine's job table in one query, because a job without a due date (an asynchronous
 * step) has waited since it was created, which the engine's job query cannot order by.
 */
@Component("jobBacklog")
class JobBacklogHealthIndicator extends AbstractHealthIndicator {

  static final Status BACKLOG = new Status("BACKLOG", "Due jobs wait longer than the backlog limit");

  /** Due: retries left, not suspended, and due now or without a due date (as the engine's executable()). */
  private static final String BACKLOG_QUERY = """
      select count(case when RETRIES_ > 0 and SUSPENSION_STATE_ = 1
                          and (DUEDATE_ is null or DUEDATE_ <= ?) then 1 end) as due_jobs,
             min(case when RETRIES_ > 0 and SUSPENSION_STATE_ = 1
                        and (DUEDATE_ is null or DUEDATE_ <= ?) then coalesce(DUEDATE_, CREATE_TIME_) end) as oldest,
             count(case when RETRIES_ = 0 then 1 end) as without_retries
      from ACT_RU_JOB""";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration limit;

  JobBacklogHealthIndicator(JdbcTemplate jdbc, Clock clock, PartnerflowProperties properties) {
    super("The job backlog could not be read");
    this.jdbc = jdbc;
    this.clock = clock;
    this.limit = properties.operations().jobBacklogLimit();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Instant now = clock.instant();
    Timestamp nowStamp = Timestamp.from(now);
    Map<String, Object> row = jdbc.queryForMap(BACKLOG_QUERY, nowStamp, nowStamp);
    Timestamp oldest = (Timestamp) row.get("oldest");
    Duration waited = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
    if (waited.isNegative()) {
      waited = Duration.ZERO;
    }
    builder.status(waited.compareTo(limit) > 0 ? BACKLOG : Status.UP)
        .withDetail("dueJobs", ((Number) row.get("due_jobs")).longValue())
        .withDetail("oldestDueJobWaitingSeconds", waited.toSeconds())
        .withDetail("limitSeconds", limit.toSeconds())
        .withDetail("jobsWithoutRetries", ((Number) row.get("without_retries")).longValue());
  }
}
