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
 * A context that names a PostgreSQL database already (the cluster tests' seeding context) keeps it.
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
    String h2Url = context.getEnvironment().getProperty("spring.datasource.url", "");
    if (h2Url.startsWith("jdbc:postgresql:")) {
      return;
    }
    Matcher h2 = H2_NAME.matcher(h2Url);
    String name = h2.lookingAt() ? h2.group(1) : h2Url;
    String url = DATABASES.computeIfAbsent(name, key -> server.newDatabase("test"));
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("partnerflow-test-postgres",
        Map.of("spring.datasource.url", url, "spring.datasource.username", server.user(),
            "spring.datasource.password", "")));
  }
}
