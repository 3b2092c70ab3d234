package org.partnerflow.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Partnerflow's processes are Java delegates and expressions; none needs a script. A deployment that
 * holds one (a script task, a {@code camunda:script} in a listener or an input/output mapping, a
 * condition with a script {@code language}) is refused whoever deploys it, and so is any CMMN case
 * (Partnerflow has none, and CMMN can carry scripts too). Deploying at all needs CREATE on Deployment,
 * which only administrators have.
 */
@Component
class ScriptsInDeploymentsRefused extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseRootElement(Element definitions, List<ProcessDefinitionEntity> processDefinitions) {
        refuseScriptsIn(definitions);
      }
    });
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(ScriptsInDeploymentsRefused::refuseCases);
  }

  private static void refuseCases(DeploymentEntity deployment) {
    for (String name : deployment.getResources() == null ? List.<String>of() : deployment.getResources().keySet()) {
      if (Arrays.stream(CmmnDeployer.CMMN_RESOURCE_SUFFIXES).anyMatch(name::endsWith)) {
        throw new BadUserRequestException("Partnerflow does not run CMMN cases (" + name + "); deploy BPMN "
            + "processes instead.");
      }
    }
  }

  private static void refuseScriptsIn(Element element) {
    String tag = element.getTagName();
    if ("scriptTask".equals(tag) || "script".equals(tag) || element.attribute("language") != null
        || element.attribute("scriptFormat") != null) {
      throw new BpmnParseException("Scripts are not allowed in Partnerflow's deployments (found <" + tag
          + "> on line " + element.getLine() + "); call a Java delegate or use an expression instead.", element);
    }
    element.elements().forEach(ScriptsInDeploymentsRefused::refuseScriptsIn);
  }
}
