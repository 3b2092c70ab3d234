package org.partnerflow.review;

import static org.partnerflow.review.ReviewVariables.*;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerflow.review.EvidencePack.SideFigures;
import org.partnerflow.system.PartnerflowProperties;
import org.springframework.stereotype.Component;

/**
 * Gathers the evidence pack: the register's figures, and from the engine's history the tasks of
 * this partnership that were finished after their due date. The page (with its charts) is kept
 * with the review; the form shows a summary and links to it.
 */
@Component
class GatherEvidenceDelegate implements JavaDelegate {

  /** A day as the evidence pack and the meeting's time write it: 27 March 2027. */
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final ReviewService reviews;
  private final EvidencePackPage page;
  private final HistoryService history;
  private final String baseUrl;

  GatherEvidenceDelegate(ReviewService reviews, EvidencePackPage page, HistoryService history,
      PartnerflowProperties properties) {
    this.reviews = reviews;
    this.page = page;
    this.history = history;
    this.baseUrl = properties.baseUrl();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    long finishedLate = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).finished()
        .list().stream().filter(task -> task.getDueDate() != null && task.getEndTime() != null
            && task.getEndTime().after(task.getDueDate())).count();
    EvidencePack pack = reviews.evidence(reference, finishedLate);
    Long id = REVIEW_ID.from(execution);
    reviews.attachEvidence(id, page.html(pack));
    EVIDENCE_SUMMARY.set(execution, summary(pack));
    EVIDENCE_URL.set(execution, baseUrl + "/api/partnerships/" + reference + "/reviews/"
        + REVIEW_NUMBER.from(execution) + "/evidence.html");
  }

  /** A figure as people write it; costs nobody has reported yet say so. */
  private static String plain(java.math.BigDecimal amount) {
    return amount == null ? "not reported" : amount.stripTrailingZeros().toPlainString();
  }

  /** The pack's main figures as the review form shows them. */
  static String summary(EvidencePack pack) {
    StringBuilder text = new StringBuilder("### The evidence, " + DAY.format(pack.from()) + " to "
        + DAY.format(pack.to()) + "\n");
    for (SideFigures side : pack.sides()) {
      text.append("- **").append(side.organisation()).append("**: actions agreed ").append(side.actionsAgreed())
          .append(", done on time ").append(side.doneOnTime()).append(", done late ").append(side.doneLate())
          .append(", open and overdue ").append(side.openOverdue()).append("; delays reported ")
          .append(side.deviations().size()).append(". Money spent ").append(plain(side.actualMoney()))
          .append(" of ").append(plain(side.plannedMoney())).append(" planned, staff days ")
          .append(plain(side.actualStaffDays())).append(" of ").append(plain(side.plannedStaffDays())).append(".\n");
    }
    text.append("- Reports exchanged: ").append(pack.reports().size()).append(".\n");
    text.append("- Information issues: ").append(pack.informationIssues().isEmpty() ? "none"
        : pack.informationIssues().stream().collect(Collectors.joining("; "))).append(".\n");
    text.append("- Tasks finished after their due date: ").append(pack.tasksFinishedLate()).append(".\n");
    return text.toString();
  }
}
