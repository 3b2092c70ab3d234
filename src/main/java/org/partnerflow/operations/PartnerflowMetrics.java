package org.partnerflow.operations;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gauges an operator watches, read when the metrics are scraped: open agreed actions past their
 * due date, open incidents (steps that failed all their retries) and due jobs. Mails sent and failed
 * are counted where they are sent ({@code notification.NotificationService}).
 */
@Component
class PartnerflowMetrics {

  PartnerflowMetrics(MeterRegistry registry, JdbcTemplate jdbc, JobBacklog backlog, Clock clock) {
    Gauge.builder("partnerflow.actions.overdue", () -> jdbc.queryForObject(
            "select count(*) from action_record where status = 'OPEN' and due_date < ?", Long.class,
            LocalDate.now(clock)))
        .description("Agreed actions still open after their due date")
        .register(registry);
    // once per failure: the engine repeats an incident in every process that called the failing one
    Gauge.builder("partnerflow.incidents.open", () -> jdbc.queryForObject(
            "select count(*) from ACT_RU_INCIDENT where ID_ = ROOT_CAUSE_INCIDENT_ID_", Long.class))
        .description("Open incidents (steps that failed every retry and wait for an operator), each counted once")
        .register(registry);
    Gauge.builder("partnerflow.jobs.due", () -> backlog.read().dueJobs())
        .description("Jobs (timers, mails, asynchronous steps) that are due and not yet done, as health's jobBacklog counts them")
        .register(registry);
  }
}
