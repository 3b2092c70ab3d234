package org.partnerflow.system;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two engine-wide rules, set once here instead of in every diagram and delegate:
 * <ul>
 * <li>input a delegate refuses ({@link InvalidInputException}) reaches the caller as a form error,
 * which the REST API answers with 400 and Tasklist shows in the form; the transaction rolls back;</li>
 * <li>every user task is named after what it is about ("Evaluate feasibility: Riverside Trust", or
 * the {@code taskSubject} a process sets) so a task list reads at a glance.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerflowEnginePlugin extends AbstractProcessEnginePlugin {

  /** What a task is about: the partner organisation's name, or a subject a process sets. */
  static final ProcessVariable<String> PARTNER_NAME = ProcessVariable.string("organisationName");
  static final ProcessVariable<String> TASK_SUBJECT = ProcessVariable.string("taskSubject");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDelegateInterceptor engineDefault = new DefaultDelegateInterceptor();
    configuration.setDelegateInterceptor(invocation -> {
      try {
        engineDefault.handleInvocation(invocation);
      } catch (InvalidInputException e) {
        throw new FormFieldValidationException(e.getField(), e.getMessage(), e);
      }
    });

    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(taskNamesWithPartner());
  }

  private static BpmnParseListener taskNamesWithPartner() {
    TaskListener appendPartnerName = task -> {
      String subject = TASK_SUBJECT.from(task) != null ? TASK_SUBJECT.from(task) : PARTNER_NAME.from(task);
      if (subject != null && task.getName() != null && !task.getName().endsWith(": " + subject)) {
        task.setName(task.getName() + ": " + subject);
      }
    };
    return new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, appendPartnerName);
      }
    };
  }
}
