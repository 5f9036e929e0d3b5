package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.scheduler.task.StoredTasks.definition;
import static dev.ecsemulator.scheduler.task.StoredTasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.EngineStatus;
import dev.ecsemulator.scheduler.docker.ManagedResources;
import dev.ecsemulator.scheduler.runtime.ContainerEvent;
import dev.ecsemulator.scheduler.runtime.ContainerRuntime;
import dev.ecsemulator.scheduler.runtime.ContainerSpec;
import dev.ecsemulator.scheduler.runtime.DockerContainerRuntime;
import dev.ecsemulator.scheduler.runtime.HostInfo;
import dev.ecsemulator.scheduler.runtime.ListedContainer;
import dev.ecsemulator.scheduler.runtime.LocalImage;
import dev.ecsemulator.scheduler.runtime.ManagedVolume;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import dev.ecsemulator.scheduler.runtime.PullPolicy;
import dev.ecsemulator.scheduler.runtime.RegistryAuth;
import dev.ecsemulator.scheduler.runtime.Sandbox;
import dev.ecsemulator.scheduler.runtime.VolumeSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The periodic resync alone, against the real Docker engine: the engine's runtime here never delivers Docker's events
 * (every other call is the real one), so whatever the task shows after its launch was found by the resync, which
 * lists our containers once per interval (1 s here) and passes over the tasks the list contradicts. A container that
 * dies, and a health check that turns unhealthy, still reach the task.
 */
class ResyncWithoutEventsIT {

  final EmulatorInstance instance = EmulatorInstance.forDataDir(Path.of("/tmp/ecs-emulator-resync-test-" + hex(6)));
  final DockerEngine docker = new DockerEngine(DockerEngine.resolveHost(null));
  final Deaf runtime = new Deaf(new DockerContainerRuntime(docker, instance));
  final InMemoryStateStore store = new InMemoryStateStore();
  final TaskEngine engine;

  ResyncWithoutEventsIT() {
    TaskEngine.Settings defaults = TaskEngine.Settings.defaults("127.0.0.1");
    TaskEngine.Settings settings = new TaskEngine.Settings(Duration.ofSeconds(1), defaults.stoppedTaskRetention(),
        defaults.containerCleanupDelay(), defaults.pullPolicy(), defaults.bindAddress(), defaults.taskEndpoint(),
        false, defaults.hostPaths());
    engine = new TaskEngine(store, runtime, new EngineMonitor(() -> runtime, null, null), Clock.systemUTC(), instance,
        settings);
  }

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

  @Test
  void aContainerKilledWithoutAnEventStopsTheTask() {
    Task running = launch("t1", definition(1));
    int lists = runtime.lists.get();

    docker.client().killContainerCmd(running.containers().get(0).runtimeId()).exec();

    Task stopped = await().atMost(Duration.ofSeconds(60)).until(() -> StoredTasks.get(store, "t1"),
        t -> "STOPPED".equals(t.lastStatus()));
    assertThat(stopped.stopCode()).isEqualTo("EssentialContainerExited");
    assertThat(stopped.containers().get(0).exitCode()).isEqualTo(137);
    assertThat(runtime.lists.get()).as("found by a resync's list").isGreaterThan(lists);
    assertThat(runtime.subscriptions.get()).as("events were asked for, and never delivered").isPositive();
  }

  @Test
  void aHealthCheckThatTurnsUnhealthyWithoutAnEventIsRecorded() throws InterruptedException {
    ContainerDefinition app = definition(2).containerDefinitions().get(0).toBuilder()
        .healthCheck(HealthCheck.builder().command(List.of("CMD-SHELL", "test ! -f /tmp/sick")).interval(1).retries(1)
            .timeout(2).build())
        .build();
    TaskDefinition checked = definition(2).toBuilder().containerDefinitions(List.of(app)).build();
    Task running = launch("t2", checked);
    await().atMost(Duration.ofSeconds(60)).until(() -> StoredTasks.get(store, "t2").healthStatus(), "HEALTHY"::equals);

    String id = running.containers().get(0).runtimeId();
    String exec = docker.client().execCreateCmd(id).withCmd("touch", "/tmp/sick").exec().getId();
    docker.client().execStartCmd(exec).start().awaitCompletion(30, TimeUnit.SECONDS);

    Task unhealthy = await().atMost(Duration.ofSeconds(60)).until(() -> StoredTasks.get(store, "t2"),
        t -> "UNHEALTHY".equals(t.healthStatus()));
    assertThat(unhealthy.containers().get(0).healthStatus()).isEqualTo("UNHEALTHY");
    assertThat(unhealthy.lastStatus()).isEqualTo("RUNNING");
  }

  /** Stores a PENDING task of {@code definition}, starts the engine and waits until the task is RUNNING. */
  private Task launch(String taskId, TaskDefinition definition) {
    StoredTasks.put(store, definition);
    StoredTasks.put(store, taskId, task(taskId, definition));
    engine.start();
    return await().atMost(Duration.ofSeconds(120)).until(() -> StoredTasks.get(store, taskId),
        t -> "RUNNING".equals(t.lastStatus()));
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** The real runtime, except that Docker's events never arrive; counts the resync's list calls. */
  static final class Deaf implements ContainerRuntime {
    private final ContainerRuntime real;
    final AtomicInteger lists = new AtomicInteger();
    final AtomicInteger subscriptions = new AtomicInteger();

    Deaf(ContainerRuntime real) {
      this.real = real;
    }

    @Override
    public AutoCloseable subscribe(Consumer<ContainerEvent> listener) {
      subscriptions.incrementAndGet();
      return () -> { };
    }

    @Override
    public List<ListedContainer> listManagedStates() {
      lists.incrementAndGet();
      return real.listManagedStates();
    }

    @Override
    public EngineStatus status() {
      return real.status();
    }

    @Override
    public HostInfo host() {
      return real.host();
    }

    @Override
    public LocalImage ensureImage(String image, PullPolicy policy, RegistryAuth auth) {
      return real.ensureImage(image, policy, auth);
    }

    @Override
    public void ensureVolume(VolumeSpec volume) {
      real.ensureVolume(volume);
    }

    @Override
    public void removeVolume(String dockerName) {
      real.removeVolume(dockerName);
    }

    @Override
    public List<ManagedVolume> listManagedVolumes() {
      return real.listManagedVolumes();
    }

    @Override
    public String createContainer(ContainerSpec spec) {
      return real.createContainer(spec);
    }

    @Override
    public void startContainer(String containerId) {
      real.startContainer(containerId);
    }

    @Override
    public void stopContainer(String containerId, Duration timeout) {
      real.stopContainer(containerId, timeout);
    }

    @Override
    public void removeContainer(String containerId) {
      real.removeContainer(containerId);
    }

    @Override
    public Optional<ObservedContainer> inspect(String containerId) {
      return real.inspect(containerId);
    }

    @Override
    public List<ObservedContainer> listManaged() {
      return real.listManaged();
    }

    @Override
    public Sandbox createSandbox(ContainerSpec spec) {
      return real.createSandbox(spec);
    }

    @Override
    public void removeSandbox(String sandboxId) {
      real.removeSandbox(sandboxId);
    }

    @Override
    public void close() {
      real.close();
    }
  }
}
