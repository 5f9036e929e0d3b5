package dev.ecsemulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A run whose request selects an {@link EcsEmulatorTest} class starts that class's emulator and clients while tests
 * are still being discovered; the class claims them, and a session that ends with them unclaimed closes them.
 */
@ResourceLock(EcsEmulatorExtension.RESOURCE_LOCK) // no other class's emulator opens while these count them
class EarlyStartTest {

  /** Settings no other class of this module uses, so no other class claims what these tests start. */
  @EcsEmulatorTest(scope = EmulatorScope.CLASS, region = "ap-south-1", accountId = "555555555555")
  static final class Probe {
    @Test
    void first(EcsClient ecs) {
      assertThat(ecs.listClusters().clusterArns()).isEmpty();
    }
  }

  static final class NotAnEmulatorTest {
    @Test
    void first() {
    }
  }

  private static final EmulatorSettings PROBE = EmulatorSettings.of(Probe.class.getAnnotation(EcsEmulatorTest.class));

  private final EarlyStart listener = new EarlyStart();

  @Test
  void discoveryOfASelectedClassStartsItsEmulatorAndClientsForItToClaim() {
    listener.launcherDiscoveryStarted(request(selectMethod(Probe.class, "first", EcsClient.class.getName())));

    ParallelStart.Started started = EarlyStart.claim(PROBE).orElseThrow();
    try {
      assertThat(RunningEmulator.openEndpoints()).contains(started.running().endpoint());
      EcsClient ecs = (EcsClient) started.clients().get(EcsClient.class);
      assertThat(ecs.listClusters().clusterArns()).isEmpty();
      assertThat(EarlyStart.claim(PROBE)).as("claimed once").isEmpty();
    } finally {
      ParallelStart.close(started.clients());
      started.running().close();
    }
  }

  @Test
  void classesWithoutTheAnnotationStartNothing() {
    listener.launcherDiscoveryStarted(request(selectClass(NotAnEmulatorTest.class)));

    assertThat(EarlyStart.claim(EmulatorSettings.DEFAULTS)).isEmpty();
  }

  @Test
  void otherSettingsDoNotClaimIt() {
    listener.launcherDiscoveryStarted(request(selectClass(Probe.class)));

    assertThat(EarlyStart.claim(EmulatorSettings.DEFAULTS)).isEmpty();
    listener.launcherSessionClosed(null);
    assertThat(EarlyStart.claim(PROBE)).isEmpty();
  }

  @Test
  void theSessionClosesAnEmulatorNobodyClaimed() {
    List<URI> before = RunningEmulator.openEndpoints();
    listener.launcherDiscoveryStarted(request(selectClass(Probe.class)));
    await().atMost(Duration.ofMinutes(2)).until(() -> opened(before).isPresent());
    URI early = opened(before).orElseThrow();

    listener.launcherSessionClosed(null);

    await().atMost(Duration.ofMinutes(2)).until(() -> !RunningEmulator.openEndpoints().contains(early));
  }

  @Test
  void theSystemPropertyTurnsItOff() {
    System.setProperty(EarlyStart.PROPERTY, "false");
    try {
      listener.launcherDiscoveryStarted(request(selectClass(Probe.class)));
    } finally {
      System.clearProperty(EarlyStart.PROPERTY);
    }

    assertThat(EarlyStart.claim(PROBE)).isEmpty();
  }

  @Test
  void aLauncherRunOfTheClassPassesWithIt() {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request(selectClass(Probe.class)), summary);

    assertThat(summary.getSummary().getTestsSucceededCount()).as(summary.getSummary().getFailures().toString())
        .isEqualTo(1);
    assertThat(EarlyStart.claim(PROBE)).as("claimed by the class").isEmpty();
  }

  private static LauncherDiscoveryRequest request(DiscoverySelector selector) {
    return LauncherDiscoveryRequestBuilder.request().selectors(selector).build();
  }

  /** An emulator opened since {@code before}: with these settings, only the one this test started. */
  private static Optional<URI> opened(List<URI> before) {
    return RunningEmulator.openEndpoints().stream().filter(uri -> !before.contains(uri)).findFirst();
  }
}
