package dev.ecsemulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Every task container the extension's emulators start is removed: after a failing test, when the test JVM is
 * stopped (SIGTERM: the shutdown hook), and when it is killed (SIGKILL: the next run's reaper).
 */
class CleanupDockerIT {

  /** Instance IDs whose containers this test looks for; removed after each test whatever the outcome. */
  private final List<String> instances = new ArrayList<>();

  @AfterEach
  void removeWhatWasLeft() {
    instances.forEach(DockerCli::removeContainersOf);
  }

  /** Run only through the test kit below (armed there): a test that starts a task and fails. */
  @EcsEmulatorTest(scope = EmulatorScope.CLASS)
  @EnabledIf("armed")
  static class FailingTaskTest {
    static volatile boolean armed;
    static volatile String instanceId;

    static boolean armed() {
      return armed;
    }

    @Test
    void runsATaskThenFails(EcsClient ecs, EcsEmulator emulator) {
      instanceId = emulator.instanceId();
      SampleTasks.runWeb(ecs);
      assertThat(DockerCli.containersOf(instanceId)).isNotEmpty();
      throw new AssertionError("failing on purpose");
    }
  }

  @Test
  void aFailingTestLeavesNoContainer() {
    FailingTaskTest.armed = true;
    try {
      EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingTaskTest.class)).execute()
          .testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    } finally {
      FailingTaskTest.armed = false;
    }
    instances.add(FailingTaskTest.instanceId);

    assertThat(DockerCli.containersOf(FailingTaskTest.instanceId)).isEmpty();
  }

  @Test
  void aStoppedTestJvmRemovesItsContainersOnTheWayOut() throws Exception {
    Process child = startChild();
    String instanceId = awaitReady(child);
    instances.add(instanceId);
    assertThat(DockerCli.containersOf(instanceId)).isNotEmpty();

    child.destroy(); // SIGTERM, as Ctrl-C or an IDE's first stop

    assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(DockerCli.containersOf(instanceId)).isEmpty();
  }

  @Test
  void containersOfAKilledTestJvmAreReapedByTheNextStart() throws Exception {
    Process child = startChild();
    String instanceId = awaitReady(child);
    instances.add(instanceId);

    child.destroyForcibly(); // SIGKILL: no hook runs
    assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(DockerCli.containersOf(instanceId)).isNotEmpty();

    // The reaper leaves a directory alone for its first seconds (another JVM may be about to lock it).
    Path emulators = RunningEmulator.emulatorsDir();
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      EmulatorRuntime.get().reapAbandoned(emulators);
      return DockerCli.containersOf(instanceId).isEmpty();
    });
  }

  private static Process startChild() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ChildJvmEmulator.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /** The instance ID the child prints once its task runs. */
  private static String awaitReady(Process child) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("READY ")) {
        return line.substring("READY ".length()).trim();
      }
    }
    child.destroyForcibly();
    throw new AssertionError("the child JVM ended before its emulator ran a task");
  }
}
