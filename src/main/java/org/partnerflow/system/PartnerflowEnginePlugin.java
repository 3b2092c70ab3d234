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
 * <li>every user task is named after its partner ("Evaluate feasibility: Riverside Trust") so a task
 * list reads at a glance.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerflowEnginePlugin extends AbstractProcessEnginePlugin {

  /** The process variable holding the partner organisation's name. */
  static final ProcessVariable<String> PARTNER_NAME = ProcessVariable.string("organisationName");

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
      String partner = PARTNER_NAME.from(task);
      if (partner != null && task.getName() != null && !task.getName().endsWith(": " + partner)) {
        task.setName(task.getName() + ": " + partner);
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
