package dev.ecsemulator.api;

import java.time.Duration;

/**
 * How tasks are run, beyond where the emulator listens. Defaults follow ECS and its agent.
 *
 * @param instanceCpu CPU units the local engine registers as a container instance, or null for the host's
 *     cores × 1024
 * @param instanceMemory MiB it registers, or null for the host's memory
 * @param imagePullBehavior {@code prefer-cached} (default), {@code always} or {@code once}, after the
 *     agent's ECS_IMAGE_PULL_BEHAVIOR
 * @param stoppedTaskRetention how long STOPPED tasks stay describable (ECS: at least an hour)
 * @param taskCleanupDelay how long a stopped task's containers are kept for their logs
 * @param resyncInterval how often every task is re-observed, repairing missed Docker events
 * @param stopTasksOnExit stop every task when the emulator stops gracefully, instead of leaving their
 *     containers running for the next start to adopt
 * @param allowHostAccess run tasks that ask for host-level access (privileged, added capabilities, devices,
 *     host PID/IPC namespaces, weakened security options, bind mounts outside the user's home and temporary
 *     directories); when false, such tasks stop with TaskFailedToStart
 * @param taskMetadata serve the task metadata and credentials endpoints at 169.254.170.2 and tell every task
 *     container about them, as the ECS agent does
 * @param injectAwsEndpointUrl also serve the API at 169.254.170.2 and inject {@code AWS_ENDPOINT_URL} into
 *     task containers, so a task's own SDK calls reach the emulator (needs {@code taskMetadata})
 * @param bakeMinute how long one minute of a BLUE_GREEN, LINEAR or CANARY deployment's bake times lasts
 *     ({@code --bake-minute}; a minute unless shortened for tests)
 */
public record SchedulerOptions(Integer instanceCpu, Integer instanceMemory, String imagePullBehavior,
    Duration stoppedTaskRetention, Duration taskCleanupDelay, Duration resyncInterval, boolean stopTasksOnExit,
    boolean allowHostAccess, boolean taskMetadata, boolean injectAwsEndpointUrl, Duration bakeMinute) {

  /** A minute: ECS's bake times as they are. */
  public static final Duration MINUTE = Duration.ofMinutes(1);

  public SchedulerOptions {
    bakeMinute = bakeMinute == null ? MINUTE : bakeMinute;
    if (bakeMinute.isNegative() || bakeMinute.isZero()) {
      throw new IllegalArgumentException("the bake minute must be positive, not " + bakeMinute);
    }
  }

  /** Bake times of a minute a minute. */
  public SchedulerOptions(Integer instanceCpu, Integer instanceMemory, String imagePullBehavior,
      Duration stoppedTaskRetention, Duration taskCleanupDelay, Duration resyncInterval, boolean stopTasksOnExit,
      boolean allowHostAccess, boolean taskMetadata, boolean injectAwsEndpointUrl) {
    this(instanceCpu, instanceMemory, imagePullBehavior, stoppedTaskRetention, taskCleanupDelay, resyncInterval,
        stopTasksOnExit, allowHostAccess, taskMetadata, injectAwsEndpointUrl, MINUTE);
  }

  /** Tasks are left running at exit; host access is off; the task endpoint is served, without AWS_ENDPOINT_URL. */
  public SchedulerOptions(Integer instanceCpu, Integer instanceMemory, String imagePullBehavior,
      Duration stoppedTaskRetention, Duration taskCleanupDelay, Duration resyncInterval) {
    this(instanceCpu, instanceMemory, imagePullBehavior, stoppedTaskRetention, taskCleanupDelay, resyncInterval, false,
        false, true, false);
  }

  public static SchedulerOptions defaults() {
    return new SchedulerOptions(null, null, "prefer-cached", Duration.ofHours(1), Duration.ofHours(1),
        Duration.ofSeconds(30));
  }

  public SchedulerOptions withStopTasksOnExit(boolean stop) {
    return new SchedulerOptions(instanceCpu, instanceMemory, imagePullBehavior, stoppedTaskRetention, taskCleanupDelay,
        resyncInterval, stop, allowHostAccess, taskMetadata, injectAwsEndpointUrl, bakeMinute);
  }

  public SchedulerOptions withAllowHostAccess(boolean allow) {
    return new SchedulerOptions(instanceCpu, instanceMemory, imagePullBehavior, stoppedTaskRetention, taskCleanupDelay,
        resyncInterval, stopTasksOnExit, allow, taskMetadata, injectAwsEndpointUrl, bakeMinute);
  }

  public SchedulerOptions withTaskMetadata(boolean serve, boolean injectEndpointUrl) {
    return new SchedulerOptions(instanceCpu, instanceMemory, imagePullBehavior, stoppedTaskRetention, taskCleanupDelay,
        resyncInterval, stopTasksOnExit, allowHostAccess, serve, injectEndpointUrl, bakeMinute);
  }

  /** With bake times of {@code minute} a minute ({@code --bake-minute}). */
  public SchedulerOptions withBakeMinute(Duration minute) {
    return new SchedulerOptions(instanceCpu, instanceMemory, imagePullBehavior, stoppedTaskRetention, taskCleanupDelay,
        resyncInterval, stopTasksOnExit, allowHostAccess, taskMetadata, injectAwsEndpointUrl, minute);
  }
}
