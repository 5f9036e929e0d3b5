package dev.ecsemulator.bench.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.ecsemulator.bench.client.Poll;
import dev.ecsemulator.bench.docker.BenchDocker;
import dev.ecsemulator.bench.docker.ContainerTemplate;
import dev.ecsemulator.bench.process.ProcessStats;
import dev.ecsemulator.bench.tasks.EcsTasks;
import dev.ecsemulator.core.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Performs and times one launch of each kind: an emulator task (the AWS SDK's RunTask, then its DescribeTasks at a
 * fixed pace until RUNNING: {@link SdkObserver}) and the raw Docker baselines (create+start of copies of the
 * emulator's own containers: plain, as a user's Docker SDK client runs them, or with the inspect and the polling load
 * of the earlier baseline). Each launch is undone before the next (StopTask and wait for STOPPED; remove the raw
 * containers), untimed. Not thread-safe.
 */
final class Launches {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_POLL = Duration.ofMillis(50);
  /** Lets the passes and events that follow a stop (or a removal) finish before the next launch is timed. */
  private static final Duration SETTLE = Duration.ofMillis(200);
  private static final String PAUSE_CONTAINER = "~internal~ecs~pause";

  private final EcsTasks ecs;
  private final SdkObserver sdk;
  private final BenchDocker docker;
  private final Duration poll;
  private final long emulatorPid;
  /** The emulator's CPU time and the DescribeTasks calls of the bridge raw launches' polling loads, summed. */
  private double pollingCpuMs;
  private int pollingCalls;
  /** A task that ran and stopped: what the raw launches' {@link PollingLoad} describes. */
  private String stoppedArn;
  private final AtomicInteger names = new AtomicInteger();
  private ContainerTemplate raw;
  private ContainerTemplate rawSandbox;
  private ContainerTemplate rawInSandbox;
  private String templateSandboxId;

  Launches(EcsTasks ecs, SdkObserver sdk, BenchDocker docker, Duration poll, long emulatorPid) {
    this.emulatorPid = emulatorPid;
    this.ecs = ecs;
    this.sdk = sdk;
    this.docker = docker;
    this.poll = poll;
  }

  /**
   * An emulator launch, with where its time went.
   *
   * @param observedMs from sending RunTask to the first DescribeTasks answer showing RUNNING (AWS SDK v2 client)
   * @param engineMs the task's own startedAt − createdAt (no HTTP, no polling)
   * @param runTaskMs from sending RunTask to its answer
   * @param toPassMs createdAt → pullStartedAt: from the RunTask commit to the task engine's pass
   * @param imageMs pullStartedAt → pullStoppedAt: the image check
   * @param toCreatedMs pullStoppedAt → Docker's {@code Created} of the container
   * @param createdToStartedMs Docker's {@code Created} → Docker's {@code State.StartedAt}
   * @param afterStartMs Docker's {@code State.StartedAt} → the task's startedAt (start's return, inspect)
   * @param pollLagMs the task's startedAt → the answer showing RUNNING
   * @param polls how many DescribeTasks calls it took
   * @param cpuMs the emulator process's CPU time (user + system, all threads) from before RunTask to the answer
   *     showing RUNNING, in clock ticks of 10 ms: its launch path and its answers to the polls
   */
  record EmulatorLaunch(double observedMs, double engineMs, double runTaskMs, double toPassMs, double imageMs,
      double toCreatedMs, double createdToStartedMs, double afterStartMs, double pollLagMs, int polls,
      double cpuMs) {}

  /**
   * A raw launch.
   *
   * @param tookMs from before the first create call to the answer of the last inspect (plain: of the last start)
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
    ecs.await(LaunchKinds.CLUSTER, arn, TaskStatus.RUNNING.name(), poll, TIMEOUT);
    ecs.stop(LaunchKinds.CLUSTER, arn);
    ecs.await(LaunchKinds.CLUSTER, arn, TaskStatus.STOPPED.name(), STOP_POLL, TIMEOUT);
    return sdk.warmUp(arn, duration);
  }

  /** Runs one task of {@code family} to RUNNING, times it, and stops it again. */
  EmulatorLaunch emulator(String family) {
    Instant wall = Instant.now();
    double cpuBefore = ProcessStats.of(emulatorPid).cpuSeconds();
    SdkObserver.Observed observed = sdk.launch(family);
    double cpuMs = (ProcessStats.of(emulatorPid).cpuSeconds() - cpuBefore) * 1000;
    String arn = observed.taskArn();
    Instant seenWall = wall.plusNanos(observed.runningNanos());
    try {
      JsonNode task = ecs.describe(LaunchKinds.CLUSTER, arn); // untimed: the timestamps of the step table
      if (templateNeeded(family)) {
        learnTemplates(family, arn, task);
      }
      InspectContainerResponse container = docker.inspect(task.path("containers").path(0).path("runtimeId").asText());
      Instant created = Instant.parse(container.getCreated());
      Instant started = Instant.parse(container.getState().getStartedAt());
      Instant pullStarted = EcsTasks.time(task, "pullStartedAt");
      Instant pullStopped = EcsTasks.time(task, "pullStoppedAt");
      Instant startedAt = EcsTasks.time(task, "startedAt");
      return new EmulatorLaunch(ms(observed.runningNanos()), EcsTasks.millis(task, "createdAt", "startedAt"),
          ms(observed.runTaskNanos()), EcsTasks.millis(task, "createdAt", "pullStartedAt"),
          ms(pullStarted, pullStopped), ms(pullStopped, created), ms(created, started), ms(started, startedAt),
          ms(startedAt, seenWall), observed.polls(), cpuMs);
    } finally {
      ecs.stop(LaunchKinds.CLUSTER, arn);
      ecs.await(LaunchKinds.CLUSTER, arn, TaskStatus.STOPPED.name(), STOP_POLL, TIMEOUT);
      stoppedArn = arn;
      Poll.pause(SETTLE);
    }
  }

  /** A raw create+start+inspect of a copy of the emulator's bridge container, under polling; removed again. */
  RawLaunch raw() {
    requireTemplates(raw, LaunchKinds.BRIDGE);
    Instant wall = Instant.now();
    BenchDocker.Started started;
    double cpuBefore = ProcessStats.of(emulatorPid).cpuSeconds();
    PollingLoad load = new PollingLoad(ecs, stoppedArn, poll);
    try {
      started = docker.createAndStart(raw, name());
    } finally {
      load.close();
    }
    pollingCpuMs += (ProcessStats.of(emulatorPid).cpuSeconds() - cpuBefore) * 1000;
    pollingCalls += load.calls();
    return measuredThenRemoved(wall, started);
  }

  /**
   * The plain baseline of issue 21: {@code docker create} + {@code docker start} of a copy of the emulator's bridge
   * container from a Docker SDK client, nothing else (no inspect, no polling meanwhile); removed again.
   */
  RawLaunch plain() {
    requireTemplates(raw, LaunchKinds.BRIDGE);
    Instant wall = Instant.now();
    return measuredThenRemoved(wall, docker.createAndStartOnly(raw, name()));
  }

  private RawLaunch measuredThenRemoved(Instant wall, BenchDocker.Started started) {
    try {
      return rawLaunch(started.took(), wall, started.id());
    } finally {
      docker.remove(started.id());
      Poll.pause(SETTLE);
    }
  }

  /**
   * The plain baseline of an awsvpc launch: what a Docker client does for a task with a network namespace of its own,
   * as the ECS agent does it: create + start a copy of the emulator's sandbox (pause) container, then create + start
   * a copy of the task's container in its namespace (and cgroup, when the emulator used one); no inspect, no polling
   * meanwhile. Both removed again.
   */
  RawLaunch plainSandbox() {
    return sandboxLaunch(false);
  }

  /** The same as {@link #plainSandbox} with an inspect after each start, under polling (the earlier baseline). */
  RawLaunch rawSandbox() {
    return sandboxLaunch(true);
  }

  private RawLaunch sandboxLaunch(boolean observed) {
    requireTemplates(rawSandbox, LaunchKinds.AWSVPC);
    BiFunction<ContainerTemplate, String, BenchDocker.Started> createAndStart =
        observed ? docker::createAndStart : docker::createAndStartOnly;
    BenchDocker.Started sandbox = null;
    BenchDocker.Started container = null;
    try {
      Instant wall;
      long begin;
      long end;
      try (PollingLoad load = observed ? new PollingLoad(ecs, stoppedArn, poll) : null) {
        begin = System.nanoTime();
        sandbox = createAndStart.apply(rawSandbox, name());
        wall = Instant.now();
        container = createAndStart.apply(rawInSandbox.inSandbox(templateSandboxId, sandbox.id()), name());
        end = System.nanoTime();
      }
      RawLaunch last = rawLaunch(container.took(), wall, container.id());
      return new RawLaunch(ms(end - begin), last.toCreatedMs(), last.createdToStartedMs(), last.afterStartMs());
    } finally {
      if (container != null) {
        docker.remove(container.id());
      }
      if (sandbox != null) {
        docker.remove(sandbox.id());
      }
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

  /**
   * The emulator's CPU time per DescribeTasks answer while the bridge raw launches ran under the polling load (the
   * emulator does nothing else then), in ms; NaN before any.
   */
  double emulatorCpuPerPollMs() {
    return pollingCalls == 0 ? Double.NaN : pollingCpuMs / pollingCalls;
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
