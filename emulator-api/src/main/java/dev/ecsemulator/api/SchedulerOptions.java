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
 */
public record SchedulerOptions(Integer instanceCpu, Integer instanceMemory, String imagePullBehavior,
    Duration stoppedTaskRetention, Duration taskCleanupDelay, Duration resyncInterval, boolean stopTasksOnExit,
    boolean allowHostAccess) {

  /** Tasks are left running at exit; host access is off. */
  public SchedulerOptions(Integer instanceCpu, Integer instanceMemory, String imagePullBehavior,
      Duration stoppedTaskRetention, Duration taskCleanupDelay, Duration resyncInterval) {
    this(instanceCpu, instanceMemory, imagePullBehavior, stoppedTaskRetention, taskCleanupDelay, resyncInterval, false,
        false);
  }

  public static SchedulerOptions defaults() {
    return new SchedulerOptions(null, null, "prefer-cached", Duration.ofHours(1), Duration.ofHours(1),
        Duration.ofSeconds(30));
  }

  public SchedulerOptions withStopTasksOnExit(boolean stop) {
    return new SchedulerOptions(instanceCpu, instanceMemory, imagePullBehavior, stoppedTaskRetention, taskCleanupDelay,
        resyncInterval, stop, allowHostAccess);
  }

  public SchedulerOptions withAllowHostAccess(boolean allow) {
    return new SchedulerOptions(instanceCpu, instanceMemory, imagePullBehavior, stoppedTaskRetention, taskCleanupDelay,
        resyncInterval, stopTasksOnExit, allow);
  }
}
