package org.partnerflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentBpmnModelInstanceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Records process coverage in the shared test context (camunda-process-test-coverage): a report per
 * test class under {@code target/process-test-coverage/}.
 *
 * <p>The library looks up the process definition of every element it records through the
 * repository service, inside the command that runs the process. Our tests act as real users with
 * authorization on, so that look-up would be refused (pat may complete a task whose process then
 * starts {@code collaborationAgreement}, which pat may not read) and fail the test. Only the
 * library's own look-ups run without authorization checks; everything the application does is
 * checked as before.
 *
 * <p>Not a {@code @Configuration}: component scanning must not find it in other contexts.
 */
@Import(ProcessEngineCoverageConfiguration.class)
class ProcessCoverageRecording {

  private static final String LIBRARY = "org.camunda.community.process_test_coverage.";
  /** What the library asks the engine: a definition by id, the latest by key, its model. */
  private static final Set<Class<?>> LOOK_UPS = Set.of(GetDeployedProcessDefinitionCmd.class,
      ProcessDefinitionQueryImpl.class, GetDeploymentBpmnModelInstanceCmd.class);

  @Bean
  static AbstractProcessEnginePlugin coverageLookupsWithoutAuthorization() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new CoverageLookupsWithoutAuthorization());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
      }
    };
  }

  private static final class CoverageLookupsWithoutAuthorization extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      if (context == null || !LOOK_UPS.contains(command.getClass()) || !context.isAuthorizationCheckEnabled()
          || !calledByTheLibrary()) {
        return next.execute(command);
      }
      return context.runWithoutAuthorization(() -> next.execute(command));
    }

    private static boolean calledByTheLibrary() {
      return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getClassName().startsWith(LIBRARY)));
    }
  }
}
