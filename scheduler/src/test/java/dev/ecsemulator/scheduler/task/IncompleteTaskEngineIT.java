package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.scheduler.task.StoredTasks.SCOPE;
import static dev.ecsemulator.scheduler.task.StoredTasks.definition;
import static dev.ecsemulator.scheduler.task.StoredTasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.ManagedResources;
import dev.ecsemulator.scheduler.runtime.DockerContainerRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The task engine (its resyncs, store listener and stop-all, on its own threads) over stored tasks that lack
 * members, against the real Docker engine: no pass fails (the engine reports an exception that escapes a
 * pass as "Bug: ..." at ERROR), each task that cannot run is stopped and said so once, and stopped tasks are
 * left alone. Regression: such tasks made every pass throw a NullPointerException, again on each resync.
 */
class IncompleteTaskEngineIT {

  static final Instant NOW = Instant.parse("2025-06-01T09:00:00Z");

  final EmulatorInstance instance =
      EmulatorInstance.forDataDir(Path.of("/tmp/ecs-emulator-records-engine-test-" + hex(6)));
  final DockerEngine docker = new DockerEngine(DockerEngine.resolveHost(null));
  final DockerContainerRuntime runtime = new DockerContainerRuntime(docker, instance);
  final InMemoryStateStore store = new InMemoryStateStore();
  final TaskEngine engine = new TaskEngine(store, runtime, new EngineMonitor(() -> runtime, null, null),
      Clock.fixed(NOW, ZoneOffset.UTC), instance, TaskEngine.Settings.defaults("127.0.0.1"));

  @AfterEach
  void close() {
    try {
      engine.close();
      runtime.close();
      new ManagedResources(docker, instance).removeAll();
    } finally {
      docker.close();
    }
  }

  /** The tasks of ClusterOperationsTest-like seeds and other incomplete records, by ID. */
  Map<String, Task> seeds() {
    return Map.of(
        id(1), Task.builder().taskArn(arn(1)).clusterArn(Arns.cluster(SCOPE, StoredTasks.CLUSTER))
            .lastStatus("RUNNING").launchType("FARGATE").capacityProviderName("FARGATE").build(),
        id(2), Task.builder().taskArn(arn(2)).lastStatus("PENDING").launchType("EC2").build(),
        id(3), task(id(3), definition(3)).toBuilder().lastStatus("ACTIVATED").build(),
        id(4), task(id(4), definition(3)).toBuilder().containers(null).desiredStatus("STOPPED").build(),
        id(5), Task.builder().taskArn(arn(5)).lastStatus("STOPPED").build(),
        id(6), Task.builder().lastStatus("DELETED").build());
  }

  @Test
  void afterAStartEveryTaskThatCannotRunIsStoppedOnceAndStoppedOnesAreLeftAlone() {
    StoredTasks.put(store, definition(3));
    seeds().forEach((id, task) -> StoredTasks.put(store, id, task));

    try (LogCapture logs = new LogCapture()) {
      engine.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> seeds().keySet().stream()
          .allMatch(id -> TaskRecords.isFinal(StoredTasks.get(store, id))));
      engine.fullResync();
      engine.close();

      for (int n : new int[] {1, 2, 3, 4}) {
        Task stopped = StoredTasks.get(store, id(n));
        assertThat(stopped.lastStatus()).as("task %d", n).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).as("task %d", n).isEqualTo("TaskFailedToStart");
        assertThat(stopped.stoppedReason()).as("task %d", n).startsWith(TaskRecords.REASON_PREFIX);
        assertThat(logs.warnings(arn(n))).as("warnings about task %d", n).hasSize(1);
      }
      assertThat(StoredTasks.get(store, id(1)).stoppedReason()).isEqualTo(TaskRecords.REASON_PREFIX
          + "the stored task has no desiredStatus; the stored task has no taskDefinitionArn; "
          + "the stored task has no containers.");
      assertThat(StoredTasks.get(store, id(3)).stoppedReason())
          .contains("the stored task has lastStatus ACTIVATED, which is not a task status");
      assertThat(StoredTasks.get(store, id(5))).isEqualTo(seeds().get(id(5)));
      assertThat(StoredTasks.get(store, id(6))).isEqualTo(seeds().get(id(6)));
      assertThat(logs.errors()).isEmpty();
      assertThat(logs.stackTraces()).isEmpty();
    }
  }

  @Test
  void stopAllStopsATaskThatCannotRunWithTheReasonThatNamesItsGaps() throws InterruptedException {
    StoredTasks.put(store, id(2), seeds().get(id(2)));
    StoredTasks.put(store, id(5), seeds().get(id(5)));

    try (LogCapture logs = new LogCapture()) {
      TaskEngine.StopAll result = engine.stopAll("Task stopped because the test ends", Duration.ofSeconds(60));

      assertThat(result).isEqualTo(new TaskEngine.StopAll(1, 1));
      Task stopped = StoredTasks.get(store, id(2));
      assertThat(stopped.stopCode()).isEqualTo("TaskFailedToStart");
      assertThat(stopped.stoppedReason()).contains("the stored task has no containers");
      assertThat(logs.errors()).isEmpty();
    }
  }

  private static String id(int n) {
    return String.format("%032x", n);
  }

  private static String arn(int n) {
    return Arns.task(SCOPE, StoredTasks.CLUSTER, id(n));
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
