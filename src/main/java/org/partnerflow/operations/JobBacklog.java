package org.partnerflow.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The jobs (timers, mails, asynchronous steps) waiting to run, as the health endpoint and the metrics
 * both report them. One query on the engine's job table, because a job without a due date (an
 * asynchronous step) has waited since it was created, which the engine's job query cannot order by.
 */
@Component
class JobBacklog {

  /** Due: retries left, not suspended, and due now or without a due date (as the engine's executable()). */
  private static final String QUERY = """
      select count(case when RETRIES_ > 0 and SUSPENSION_STATE_ = 1
                          and (DUEDATE_ is null or DUEDATE_ <= ?) then 1 end) as due_jobs,
             min(case when RETRIES_ > 0 and SUSPENSION_STATE_ = 1
                        and (DUEDATE_ is null or DUEDATE_ <= ?) then coalesce(DUEDATE_, CREATE_TIME_) end) as oldest,
             count(case when RETRIES_ = 0 then 1 end) as without_retries
      from ACT_RU_JOB""";

  /**
   * @param dueJobs jobs that could run now
   * @param oldestWaited how long the longest-waiting of them has waited (zero when none waits)
   * @param withoutRetries jobs that failed every retry (each an incident)
   */
  record State(long dueJobs, Duration oldestWaited, long withoutRetries) {
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  JobBacklog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  State read() {
    Instant now = clock.instant();
    Timestamp nowStamp = Timestamp.from(now);
    Map<String, Object> row = jdbc.queryForMap(QUERY, nowStamp, nowStamp);
    Timestamp oldest = (Timestamp) row.get("oldest");
    Duration waited = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
    return new State(((Number) row.get("due_jobs")).longValue(), waited.isNegative() ? Duration.ZERO : waited,
        ((Number) row.get("without_retries")).longValue());
  }
}
