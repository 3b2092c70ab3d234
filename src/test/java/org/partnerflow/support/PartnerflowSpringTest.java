package org.partnerflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The one Spring test context every engine test shares (started once per test run): the whole
 * application on a random port with the demo users, an in-memory database, the embedded mail
 * server, and no job executor, so each test runs the jobs it means to run; metrics are exported as in
 * production (Spring Boot's tests leave them out otherwise). The engine records which
 * flow nodes and sequence flows each test class passes ({@link ProcessCoverageRecording}), and its
 * webapps keep their runtimes when another application in the JVM stops ({@link WebappRuntimes}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(ProcessCoverageRecording.class)
@TestExecutionListeners(listeners = WebappRuntimes.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface PartnerflowSpringTest {
}
