package dev.ecsemulator.scheduler.runtime;

import static dev.ecsemulator.core.EcsKinds.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.scheduler.task.EngineMonitor;
import dev.ecsemulator.scheduler.task.TaskEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The full resync's sweep (after a restart, a reconnection, a resumed event stream) removes our containers
 * whose task the store does not know, and only those: a launch that commits its task and creates its
 * container while the sweep runs must keep its container. Regression: the sweep read the known tasks
 * first and listed the containers second, so such a container looked orphaned and was removed, and its
 * task then stopped with ContainerVanishedError.
 */
class OrphanSweepIT {

  final DockerHarness harness = new DockerHarness();
  final InMemoryStateStore store = new InMemoryStateStore();
  TaskEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    harness.close();
  }

  @Test
  void aContainerOfATaskLaunchedDuringTheSweepIsKeptAndAnOrphanIsRemoved() {
    ContainerDefinition web = Fixtures.container("web").build();
    String orphan = harness.runtime.createContainer(
        harness.factory.container(Fixtures.task("none", web), web, null, harness.context("EC2")));
    AtomicReference<String> launched = new AtomicReference<>();
    // A real runtime, with a launch completing just as the sweep asks for the list: the task is committed,
    // then its container created (the task engine's order).
    ContainerRuntime racing = (ContainerRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> {
          if (method.getName().equals("listManaged") && launched.get() == null) {
            launched.set(launch(web));
          }
          try {
            return method.invoke(harness.runtime, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    engine = new TaskEngine(store, racing, new EngineMonitor(() -> racing, null, null), Clock.systemUTC(),
        harness.instance, TaskEngine.Settings.defaults("127.0.0.1"));

    engine.fullResync();

    assertThat(launched.get()).isNotNull();
    assertThat(harness.runtime.inspect(launched.get())).as("the container of the task launched meanwhile").isPresent();
    assertThat(harness.runtime.inspect(orphan)).as("the container of no known task").isEmpty();
  }

  @Test
  void aTaskScopedVolumeOfNoKnownTaskIsRemovedASharedOneIsKept() {
    String unknownTask = harness.context("EC2").taskArn();
    VolumeSpec orphan = new VolumeSpec("scratch", "ecs-emulator-test-" + DockerHarness.randomHex(6), "local", null,
        java.util.Map.of(AgentLabels.TASK_ARN, unknownTask), VolumeSpec.Scope.TASK, false);
    VolumeSpec shared = new VolumeSpec("keep", "ecs-emulator-test-" + DockerHarness.randomHex(6), "local", null,
        null, VolumeSpec.Scope.SHARED, true);
    harness.runtime.ensureVolume(orphan);
    harness.runtime.ensureVolume(shared);
    engine = new TaskEngine(store, harness.runtime, new EngineMonitor(() -> harness.runtime, null, null),
        Clock.systemUTC(), harness.instance, TaskEngine.Settings.defaults("127.0.0.1"));

    engine.fullResync();

    assertThat(harness.runtime.listManagedVolumes()).extracting(ManagedVolume::name)
        .contains(shared.dockerName()).doesNotContain(orphan.dockerName());
  }

  /** Commits a (stopped, so the engine leaves it alone) task, then creates its container; returns its ID. */
  private String launch(ContainerDefinition web) {
    LaunchContext context = harness.context("EC2");
    Instant now = Instant.now();
    store.write(context.scope(), txn -> {
      txn.put(TASK, EcsKinds.taskKey(context.clusterName(), context.taskId()), Task.builder()
          .taskArn(context.taskArn()).lastStatus("STOPPED").desiredStatus("STOPPED").stoppedAt(now).createdAt(now)
          .version(1L).build());
      return null;
    });
    return harness.runtime.createContainer(harness.factory.container(Fixtures.task("none", web), web, null, context));
  }
}
