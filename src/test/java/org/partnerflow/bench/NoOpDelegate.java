package org.partnerflow.bench;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The baseline processes' service task: does nothing but count that it ran. */
public class NoOpDelegate implements JavaDelegate {

  static final AtomicInteger EXECUTED = new AtomicInteger();

  @Override
  public void execute(DelegateExecution execution) {
    EXECUTED.incrementAndGet();
  }
}
