package dev.ecsemulator.bench.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A fresh test JVM, as an IDE or Surefire starts one: the JUnit Platform launcher runs one probe class of
 * {@link ProbeClasses} ({@code with} or {@code plain}) and exits 0 when its test passed.
 */
public final class JunitProbe {

  private JunitProbe() {
  }

  public static void main(String[] args) {
    Class<?> probe = args.length > 0 && args[0].equals("plain") ? ProbeClasses.Plain.class
        : ProbeClasses.WithEmulator.class;
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(probe)).build(), summary);
    boolean passed = summary.getSummary().getTestsSucceededCount() == 1;
    if (!passed) {
      summary.getSummary().getFailures().forEach(f -> f.getException().printStackTrace());
    }
    System.exit(passed ? 0 : 1);
  }
}
