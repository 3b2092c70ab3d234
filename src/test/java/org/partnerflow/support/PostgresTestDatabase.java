package org.partnerflow.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the test suite on PostgreSQL instead of H2 when the system property
 * {@code partnerflow.test.database} is {@code postgres} (the build's {@code tests-on-postgresql}
 * run sets it): every application context the tests start, including the ones a test starts itself,
 * gets a database on {@link PostgresServer} in place of its H2 one: one PostgreSQL database per H2
 * database name, so a test that starts a second application on "the same database" still gets it.
 * Registered in {@code META-INF/spring.factories}.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String SWITCH = "partnerflow.test.database";
  private static final Pattern H2_NAME = Pattern.compile("jdbc:h2:(?:mem|file):([^;]+)");
  private static final Map<String, String> DATABASES = new ConcurrentHashMap<>();

  public static boolean active() {
    return "postgres".equalsIgnoreCase(System.getProperty(SWITCH));
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (!active()) {
      return;
    }
    PostgresServer server = PostgresServer.get();
    Matcher h2 = H2_NAME.matcher(context.getEnvironment().getProperty("spring.datasource.url", ""));
    if (!h2.lookingAt()) {
      return; // a test that names its own database keeps it
    }
    String url = DATABASES.computeIfAbsent(h2.group(1), name -> server.newDatabase("test"));
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("partnerflow-test-postgres",
        Map.of("spring.datasource.url", url, "spring.datasource.username", server.user(),
            "spring.datasource.password", "")));
  }
}
