package org.partnerflow.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's {@code chromium} driven through Debian's {@code chromium-driver}, headless, with a
 * profile of its own that is deleted afterwards. Both paths are given explicitly, so Selenium
 * Manager never runs and nothing downloads a browser or a driver. Where either is missing the
 * test is skipped, saying what to install.
 */
public final class Chromium implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);

  static final String BROWSER = System.getProperty("partnerflow.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts Chromium, or skips the calling test when Chromium or its driver is not installed. */
  public static Chromium startOrSkip() throws IOException {
    boolean installed = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
    String skipped = "Browser test skipped: it needs Debian's chromium at " + BROWSER + " and chromium-driver at "
        + DRIVER + " (apt-get install chromium chromium-driver)";
    if (!installed) {
      LOG.warn(skipped);
    }
    assumeTrue(installed, skipped);
    System.setProperty("webdriver.chrome.driver", DRIVER);
    Path profile = Files.createTempDirectory("partnerflow-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-GB",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Chromium(driver, profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
