package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.scheduler.task.StoredTasks.SCOPE;
import static dev.ecsemulator.scheduler.task.StoredTasks.definition;
import static dev.ecsemulator.scheduler.task.StoredTasks.ref;
import static dev.ecsemulator.scheduler.task.StoredTasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Image;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.task.TaskLifecycle;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.Labels;
import dev.ecsemulator.scheduler.docker.ManagedResources;
import dev.ecsemulator.scheduler.runtime.DockerContainerRuntime;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A task pass over stored tasks that lack members, against the real Docker engine: the pass finishes
 * without an exception, a task that cannot run ends STOPPED with TaskFailedToStart and a reason naming
 * what it lacks, committed once and logged once at WARN without a stack trace, and a STOPPED task is left
 * alone. The clock is fixed: the stop's timestamps are known.
 */
class IncompleteTaskRunnerIT {

  static final Instant NOW = Instant.parse("2025-06-01T09:00:00Z");

  final EmulatorInstance instance = EmulatorInstance.forDataDir(Path.of("/tmp/ecs-emulator-records-test-" + hex(6)));
  final DockerEngine docker = new DockerEngine(DockerEngine.resolveHost(null));
  final String pauseRepository = "ecs-emulator-test/pause-" + hex(4);
  final DockerContainerRuntime runtime = new DockerContainerRuntime(docker, instance, pauseRepository);
  final InMemoryStateStore store = new InMemoryStateStore();
  final EngineMonitor monitor = new EngineMonitor(() -> runtime, null, null);
  final Sandboxes sandboxes = new Sandboxes();
  final TaskRunner runner = new TaskRunner(store, runtime, monitor, Clock.fixed(NOW, ZoneOffset.UTC),
      TaskEngine.Settings.defaults("127.0.0.1"), Labels.ownedBy(instance), sandboxes, ContainerLogDriver.NONE,
      TaskTargets.NONE);
  final StoppedTaskCleaner cleaner = new StoppedTaskCleaner(store, runtime, sandboxes, ContainerLogDriver.NONE,
      Duration.ofHours(1), Duration.ofHours(1));

  @AfterEach
  void removeWhatTheTestCreated() {
    try {
      runtime.close();
      new ManagedResources(docker, instance).removeAll();
      for (Image image : docker.client().listImagesCmd().exec()) {
        for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
          if (tag.startsWith(pauseRepository + ":")) {
            docker.client().removeImageCmd(tag).exec();
          }
        }
      }
    } finally {
      docker.close();
    }
  }

  static Stream<Arguments> incompleteTasks() {
    return Stream.of(
        Arguments.of("no containers", (UnaryOperator<Task.Builder>) b -> b.containers(null),
            "the stored task has no containers"),
        Arguments.of("no taskDefinitionArn", (UnaryOperator<Task.Builder>) b -> b.taskDefinitionArn(null),
            "the stored task has no taskDefinitionArn"),
        Arguments.of("a task definition no longer stored",
            (UnaryOperator<Task.Builder>) b -> b.taskDefinitionArn(definition(9).taskDefinitionArn()),
            "its task definition arn:aws:ecs:us-east-1:000000000000:task-definition/web:9 is not stored"),
        Arguments.of("a taskDefinitionArn that is not one",
            (UnaryOperator<Task.Builder>) b -> b.taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/web:x"),
            "does not name a task definition of 000000000000 in us-east-1"),
        Arguments.of("no lastStatus", (UnaryOperator<Task.Builder>) b -> b.lastStatus(null),
            "the stored task has no lastStatus"),
        Arguments.of("no desiredStatus", (UnaryOperator<Task.Builder>) b -> b.desiredStatus(null),
            "the stored task has no desiredStatus"),
        Arguments.of("no taskArn", (UnaryOperator<Task.Builder>) b -> b.taskArn(null),
            "the stored task has no taskArn"),
        Arguments.of("a container without a name or status",
            (UnaryOperator<Task.Builder>) b -> b.containers(List.of(Container.builder().build())),
            "container 1 of the stored task has no name"),
        Arguments.of("nothing but its lastStatus (a task seeded by hand)",
            (UnaryOperator<Task.Builder>) b -> Task.builder().taskArn(Arns.TASK).lastStatus("RUNNING").launchType("FARGATE"),
            "the stored task has no desiredStatus; the stored task has no taskDefinitionArn; "
                + "the stored task has no containers"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("incompleteTasks")
  void aTaskThatLacksWhatRunningNeedsIsStoppedOnceWithAReasonNamingTheGap(String name,
      UnaryOperator<Task.Builder> change, String expected) {
    StoredTasks.put(store, definition(3));
    StoredTasks.put(store, Arns.ID, change.apply(task(Arns.ID, definition(3)).toBuilder()).build());

    try (LogCapture logs = new LogCapture()) {
      assertThat(runner.reconcile(ref(Arns.ID))).isEmpty();
      Task stopped = StoredTasks.get(store, Arns.ID);
      assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
      assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
      assertThat(stopped.stopCode()).isEqualTo("TaskFailedToStart");
      assertThat(stopped.stoppedReason()).startsWith("ecs-emulator cannot run this task: ").contains(expected);
      assertThat(stopped.stoppedAt()).isEqualTo(NOW);

      // Further passes (an event, the periodic resync) leave it as it is, and say nothing more.
      assertThat(runner.reconcile(ref(Arns.ID))).isEmpty();
      cleaner.cleanUp(ref(Arns.ID), StoredTasks.get(store, Arns.ID));
      assertThat(StoredTasks.get(store, Arns.ID)).isEqualTo(stopped);
      assertThat(logs.warnings(expected)).hasSize(1);
      assertThat(logs.errors()).isEmpty();
      assertThat(logs.stackTraces()).isEmpty();
    }
  }

  @Test
  void aStoppedTaskIsLeftAloneWhateverItLacks() {
    Task bare = Task.builder().taskArn(Arns.TASK).lastStatus("STOPPED").build();
    StoredTasks.put(store, Arns.ID, bare);

    try (LogCapture logs = new LogCapture()) {
      assertThat(runner.reconcile(ref(Arns.ID))).isEmpty();
      cleaner.cleanUp(ref(Arns.ID), bare);
      cleaner.cleanUp(ref(Arns.ID), Task.builder().build());
      assertThat(StoredTasks.get(store, Arns.ID)).isEqualTo(bare);
      assertThat(logs.lines()).noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR "));
    }
  }

  @Test
  void aStopAskedBeforeKeepsItsReason() {
    StoredTasks.put(store, definition(3));
    Task asked = TaskLifecycle.requestStop(task(Arns.ID, definition(3)), "UserInitiated", "Stopped by a test", NOW);
    StoredTasks.put(store, Arns.ID, asked.toBuilder().containers(null).build());

    try (LogCapture logs = new LogCapture()) {
      runner.reconcile(ref(Arns.ID));
      Task stopped = StoredTasks.get(store, Arns.ID);
      assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
      assertThat(stopped.stopCode()).isEqualTo("UserInitiated");
      assertThat(stopped.stoppedReason()).isEqualTo("Stopped by a test");
      assertThat(logs.warnings("the stored task has no containers")).hasSize(1);
    }
  }

  /**
   * A task that runs, then its task definition is gone from the store: its container is stopped in Docker
   * (by its recorded ID), then the task is STOPPED with the reason; nothing keeps running unseen.
   */
  @Test
  void aRunningTaskWhoseDefinitionIsGoneHasItsContainerStopped() {
    StoredTasks.put(store, definition(3));
    StoredTasks.put(store, Arns.ID, task(Arns.ID, definition(3)));
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      runner.reconcile(ref(Arns.ID));
      return "RUNNING".equals(StoredTasks.get(store, Arns.ID).lastStatus());
    });
    String containerId = StoredTasks.get(store, Arns.ID).containers().get(0).runtimeId();
    assertThat(runtime.inspect(containerId)).map(ObservedContainer::state).contains(ObservedContainer.State.RUNNING);
    store.write(SCOPE, txn -> txn.remove(EcsKinds.TASK_DEFINITION, EcsKinds.taskDefinitionKey("web", 3)));

    try (LogCapture logs = new LogCapture()) {
      runner.reconcile(ref(Arns.ID));

      assertThat(runtime.inspect(containerId)).map(ObservedContainer::state).contains(ObservedContainer.State.EXITED);
      Task stopped = StoredTasks.get(store, Arns.ID);
      assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
      assertThat(stopped.stopCode()).isEqualTo("TaskFailedToStart");
      assertThat(stopped.stoppedReason()).isEqualTo("ecs-emulator cannot run this task: its task definition "
          + "arn:aws:ecs:us-east-1:000000000000:task-definition/web:3 is not stored.");
      assertThat(stopped.containers().get(0).lastStatus()).isEqualTo("STOPPED");
      assertThat(logs.warnings(Arns.TASK)).hasSize(1);
      assertThat(logs.errors()).isEmpty();
    }
    cleaner.cleanUp(ref(Arns.ID), StoredTasks.get(store, Arns.ID));
    assertThat(runtime.inspect(containerId)).isEmpty();
  }

  /** A task without a launchType runs, as on EC2. */
  @Test
  void aTaskWithoutALaunchTypeRunsAsEc2() {
    StoredTasks.put(store, definition(3));
    StoredTasks.put(store, Arns.ID, task(Arns.ID, definition(3)).toBuilder().launchType(null).build());
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      runner.reconcile(ref(Arns.ID));
      return "RUNNING".equals(StoredTasks.get(store, Arns.ID).lastStatus());
    });
  }

  /** One task ID and its ARN in {@link StoredTasks#SCOPE}. */
  static final class Arns {
    static final String ID = "0123456789abcdef0123456789abcdef";
    static final String TASK = dev.ecsemulator.core.arn.Arns.task(SCOPE, StoredTasks.CLUSTER, ID);
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
