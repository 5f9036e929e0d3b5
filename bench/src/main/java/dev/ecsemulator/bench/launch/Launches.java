package dev.ecsemulator.bench.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.ecsemulator.bench.client.Poll;
import dev.ecsemulator.bench.docker.BenchDocker;
import dev.ecsemulator.bench.docker.ContainerTemplate;
import dev.ecsemulator.bench.tasks.EcsTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Performs and times one launch of each kind: an emulator task (RunTask, then DescribeTasks at a fixed pace until
 * RUNNING) and the raw Docker baselines (create+start of copies of the emulator's own containers). Each launch is
 * undone before the next (StopTask and wait for STOPPED; remove the raw containers), untimed. Not thread-safe.
 */
final class Launches {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_POLL = Duration.ofMillis(50);
  /** Lets the passes and events that follow a stop (or a removal) finish before the next launch is timed. */
  private static final Duration SETTLE = Duration.ofMillis(200);
  private static final String PAUSE_CONTAINER = "~internal~ecs~pause";

  private final EcsTasks ecs;
  private final BenchDocker docker;
  private final Duration poll;
  /** A task that ran and stopped: what the raw launches' {@link PollingLoad} describes. */
  private String stoppedArn;
  private final AtomicInteger names = new AtomicInteger();
  private ContainerTemplate raw;
  private ContainerTemplate rawSandbox;
  private ContainerTemplate rawInSandbox;
  private String templateSandboxId;

  Launches(EcsTasks ecs, BenchDocker docker, Duration poll) {
    this.ecs = ecs;
    this.docker = docker;
    this.poll = poll;
  }

  /**
   * An emulator launch, with where its time went.
   *
   * @param observedMs from sending RunTask to the first DescribeTasks answer showing RUNNING
   * @param engineMs the task's own startedAt − createdAt (no HTTP, no polling)
   * @param runTaskMs from sending RunTask to its answer
   * @param toPassMs createdAt → pullStartedAt: from the RunTask commit to the task engine's pass
   * @param imageMs pullStartedAt → pullStoppedAt: the image check
   * @param toCreatedMs pullStoppedAt → Docker's {@code Created} of the container
   * @param createdToStartedMs Docker's {@code Created} → Docker's {@code State.StartedAt}
   * @param afterStartMs Docker's {@code State.StartedAt} → the task's startedAt (start's return, inspect)
   * @param pollLagMs the task's startedAt → the answer showing RUNNING
   */
  record EmulatorLaunch(double observedMs, double engineMs, double runTaskMs, double toPassMs, double imageMs,
      double toCreatedMs, double createdToStartedMs, double afterStartMs, double pollLagMs) {}

  /**
   * A raw launch.
   *
   * @param tookMs from before the first create call to the answer of the last inspect
   * @param toCreatedMs from before the (last) create call to Docker's {@code Created}
   * @param createdToStartedMs Docker's {@code Created} → {@code State.StartedAt}
   * @param afterStartMs {@code State.StartedAt} → the inspect's answer (after the start call returned)
   */
  record RawLaunch(double tookMs, double toCreatedMs, double createdToStartedMs, double afterStartMs) {}

  /**
   * Sends DescribeTasks of one (stopped) task back to back for {@code duration}: the request the launches poll
   * with, so that the JIT has compiled its path in the emulator and in this client before the measured launches.
   * Cold, a poll costs milliseconds of CPU in each, and polling every few milliseconds then takes enough of this
   * machine's two cores to slow Docker's own work on the launch (measured: about 100–150 ms more from Docker's
   * create to its start of the emulator's container at 10 ms polling, none at 100 ms).
   */
  int warmUpPolling(Duration duration) {
    String arn = ecs.run(LaunchKinds.runTask(LaunchKinds.BRIDGE)).get(0);
    ecs.await(LaunchKinds.CLUSTER, arn, "RUNNING", poll, TIMEOUT);
    ecs.stop(LaunchKinds.CLUSTER, arn);
    ecs.await(LaunchKinds.CLUSTER, arn, "STOPPED", STOP_POLL, TIMEOUT);
    long end = System.nanoTime() + duration.toNanos();
    int calls = 0;
    while (System.nanoTime() < end) {
      ecs.describe(LaunchKinds.CLUSTER, arn);
      calls++;
    }
    return calls;
  }

  /** Runs one task of {@code family} to RUNNING, times it, and stops it again. */
  EmulatorLaunch emulator(String family) {
    Instant wall = Instant.now();
    long begin = System.nanoTime();
    String arn = ecs.run(LaunchKinds.runTask(family)).get(0);
    long answered = System.nanoTime();
    JsonNode task = ecs.await(LaunchKinds.CLUSTER, arn, "RUNNING", poll, TIMEOUT);
    long seen = System.nanoTime();
    Instant seenWall = wall.plusNanos(seen - begin);
    try {
      if (templateNeeded(family)) {
        learnTemplates(family, arn, task);
      }
      InspectContainerResponse container = docker.inspect(task.path("containers").path(0).path("runtimeId").asText());
      Instant created = Instant.parse(container.getCreated());
      Instant started = Instant.parse(container.getState().getStartedAt());
      Instant pullStarted = EcsTasks.time(task, "pullStartedAt");
      Instant pullStopped = EcsTasks.time(task, "pullStoppedAt");
      Instant startedAt = EcsTasks.time(task, "startedAt");
      return new EmulatorLaunch(ms(seen - begin), EcsTasks.millis(task, "createdAt", "startedAt"),
          ms(answered - begin), EcsTasks.millis(task, "createdAt", "pullStartedAt"), ms(pullStarted, pullStopped),
          ms(pullStopped, created), ms(created, started), ms(started, startedAt), ms(startedAt, seenWall));
    } finally {
      ecs.stop(LaunchKinds.CLUSTER, arn);
      ecs.await(LaunchKinds.CLUSTER, arn, "STOPPED", STOP_POLL, TIMEOUT);
      stoppedArn = arn;
      Poll.pause(SETTLE);
    }
  }

  /** A raw create+start of a copy of the emulator's bridge container; removed again. */
  RawLaunch raw() {
    requireTemplates(raw, LaunchKinds.BRIDGE);
    Instant wall = Instant.now();
    BenchDocker.Started started;
    try (PollingLoad load = new PollingLoad(ecs, stoppedArn, poll)) {
      started = docker.createAndStart(raw, name());
    }
    try {
      return rawLaunch(started.took(), wall, started.id());
    } finally {
      docker.remove(started.id());
      Poll.pause(SETTLE);
    }
  }

  /**
   * The raw equivalent of an awsvpc launch: create+start a copy of the emulator's sandbox, then a copy of the
   * task's container in its network namespace (and cgroup, when the emulator used one); both removed again.
   */
  RawLaunch rawSandbox() {
    requireTemplates(rawSandbox, LaunchKinds.AWSVPC);
    PollingLoad load = new PollingLoad(ecs, stoppedArn, poll);
    long begin = System.nanoTime();
    BenchDocker.Started sandbox;
    try {
      sandbox = docker.createAndStart(rawSandbox, name());
    } catch (RuntimeException e) {
      load.close();
      throw e;
    }
    String app = null;
    try {
      Instant wall = Instant.now();
      BenchDocker.Started container;
      try {
        container = docker.createAndStart(rawInSandbox.inSandbox(templateSandboxId, sandbox.id()), name());
      } finally {
        load.close();
      }
      long end = System.nanoTime();
      app = container.id();
      RawLaunch last = rawLaunch(container.took(), wall, app);
      return new RawLaunch(ms(end - begin), last.toCreatedMs(), last.createdToStartedMs(), last.afterStartMs());
    } finally {
      if (app != null) {
        docker.remove(app);
      }
      docker.remove(sandbox.id());
      Poll.pause(SETTLE);
    }
  }

  private RawLaunch rawLaunch(Duration took, Instant wall, String id) {
    InspectContainerResponse container = docker.inspect(id);
    Instant created = Instant.parse(container.getCreated());
    Instant started = Instant.parse(container.getState().getStartedAt());
    return new RawLaunch(took.toNanos() / 1e6, ms(wall, created), ms(created, started),
        ms(started, wall.plus(took)));
  }

  private boolean templateNeeded(String family) {
    return family.equals(LaunchKinds.BRIDGE) ? raw == null : rawSandbox == null;
  }

  /** Copies the containers the emulator made for this task: the raw baselines create exactly those. */
  private void learnTemplates(String family, String arn, JsonNode task) {
    String containerId = task.path("containers").path(0).path("runtimeId").asText();
    ContainerTemplate container = ContainerTemplate.of(docker.inspect(containerId), 30);
    if (family.equals(LaunchKinds.BRIDGE)) {
      raw = container;
      return;
    }
    var sandboxes = docker.list(Map.of("com.amazonaws.ecs.task-arn", arn,
        "com.amazonaws.ecs.container-name", PAUSE_CONTAINER));
    if (sandboxes.size() != 1) {
      throw new IllegalStateException("expected one sandbox container for " + arn + ", found " + sandboxes.size());
    }
    templateSandboxId = sandboxes.get(0).getId();
    rawSandbox = ContainerTemplate.of(docker.inspect(templateSandboxId), 1);
    rawInSandbox = container;
  }

  private static void requireTemplates(ContainerTemplate template, String family) {
    if (template == null) {
      throw new IllegalStateException("launch one " + family + " task on the emulator first: the raw baseline copies it");
    }
  }

  private String name() {
    return "bench-raw-" + ProcessHandle.current().pid() + "-" + names.incrementAndGet();
  }

  List<String> describeTemplates() {
    return List.of(describe("bridge", raw), describe("awsvpc sandbox", rawSandbox),
        describe("awsvpc container", rawInSandbox));
  }

  private static String describe(String what, ContainerTemplate t) {
    if (t == null) {
      return what + ": none";
    }
    return what + ": image " + t.image() + ", memory " + t.memoryBytes() + " B, CPU shares " + t.cpuShares()
        + ", network " + t.networkMode() + ", " + t.labels().size() + " labels, " + t.environment().size()
        + " environment variables";
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static double ms(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }
}
