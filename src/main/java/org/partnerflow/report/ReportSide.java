package org.partnerflow.report;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.partnerflow.agreement.Side;

/** Reads whose report an instance is about; the diagram passes {@code ours} or {@code partner}. */
final class ReportSide {

  private ReportSide() {
  }

  static Side of(VariableScope execution) {
    String side = ReportVariables.REPORTING_SIDE.from(execution);
    if ("ours".equals(side)) {
      return Side.OURS;
    }
    if ("partner".equals(side)) {
      return Side.PARTNER;
    }
    throw new IllegalStateException("reportingSide must be 'ours' or 'partner', not '" + side + "'");
  }
}
