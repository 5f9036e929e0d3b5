package dev.ecsemulator.api.ui;

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

/**
 * A headless Chromium for the dashboard's browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * (bin/test installs them), started with what keeps it off the network (no component updates, no sync, no QUIC, no
 * background requests) and a fresh profile of its own, removed on {@link #close}. Selenium is given both paths, so
 * it never looks for (or downloads) a browser or a driver itself.
 */
final class Chromium implements AutoCloseable {

  /** The browser; {@code -Dchromium.binary=...} for another. */
  static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

  /** Its driver; {@code -Dchromium.driver=...} for another. */
  static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

  /** Why a test is skipped when Chromium is missing. */
  static final String MISSING = "Chromium is not installed (" + BINARY + ", " + DRIVER + "): the dashboard's browser"
      + " tests are skipped. On Debian: apt-get install chromium chromium-driver (bin/test does, as root).";

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static boolean available() {
    return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  /** A browser whose window is {@code width} by {@code height} CSS pixels. */
  static Chromium start(int width, int height) throws IOException {
    Path profile = Files.createTempDirectory("ecs-emulator-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER.toString()))
        .usingAnyFreePort()
        .withTimeout(Duration.ofSeconds(60))
        .build();
    try {
      return new Chromium(new ChromeDriver(service, options), profile);
    } catch (RuntimeException e) {
      deleteRecursively(profile);
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteRecursively(profile);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary profile left behind is harmless
    }
  }
}
