package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;

/**
 * One {@link ObservedTask} classified at an instant into a {@link Phase}, as the rolling update sees it.
 * Package-private: the reconciler's vocabulary, not the caller's.
 */
final class ClassifiedTask {

  /** Without container health checks, a RUNNING task counts as healthy this long after it started. */
  static final Duration NO_HEALTH_CHECK_DELAY = Duration.ofSeconds(40);

  /** Where the task stands for the scheduler. */
  enum Phase {
    /** Created, not yet RUNNING, still wanted. */
    PENDING,
    /** RUNNING but not (yet) healthy: no health check for 40 s yet, health UNKNOWN, or unhealthy in grace. */
    STARTING,
    /** RUNNING and healthy: counts towards minimumHealthyPercent. */
    HEALTHY,
    /** RUNNING, UNHEALTHY and past the grace period: to be replaced. */
    UNHEALTHY,
    /** desiredStatus STOPPED (or on its way down) but not yet STOPPED: still holds its slot. */
    STOPPING,
    /** STOPPED (or DELETED): gone. */
    STOPPED
  }

  /** STOPPED, and DELETED: a lastStatus ECS documents that TaskStatus lacks, as the emulator never sets it. */
  private static final Set<String> GONE = Set.of(TaskStatus.STOPPED.name(), "DELETED");

  /** Live tasks of one deployment in the order the scheduler keeps them: healthy first, then oldest. */
  static final Comparator<ClassifiedTask> KEEP_ORDER =
      Comparator.comparingInt((ClassifiedTask v) -> switch (v.phase) {
            case HEALTHY -> 0;
            case STARTING -> 1;
            default -> 2;
          })
          .thenComparing(v -> v.task.createdAt())
          .thenComparing(v -> v.task.taskId());

  /** Oldest first (stable by ID). */
  static final Comparator<ClassifiedTask> OLDEST_FIRST =
      Comparator.comparing((ClassifiedTask v) -> v.task.createdAt()).thenComparing(v -> v.task.taskId());

  final ObservedTask task;
  final Phase phase;
  /** When this task's phase changes by the clock alone (40 s rule, grace end), or null. */
  final Instant changesAt;

  private ClassifiedTask(ObservedTask task, Phase phase, Instant changesAt) {
    this.task = task;
    this.phase = phase;
    this.changesAt = changesAt;
  }

  /**
   * Classifies {@code task} at {@code now}. Healthy: its essential containers are HEALTHY when it has
   * health checks, else 40 s after reaching RUNNING (ECS developer guide, DeploymentConfiguration
   * minimumHealthyPercent). Unhealthy: UNHEALTHY once the grace period after it started has passed
   * (healthCheckGracePeriodSeconds ignores unhealthy checks that long).
   */
  static ClassifiedTask classify(ObservedTask task, Duration grace, Instant now) {
    if (GONE.contains(task.lastStatus())) {
      return new ClassifiedTask(task, Phase.STOPPED, null);
    }
    boolean winding = !TaskCounts.isRunning(task.lastStatus()) && !TaskCounts.isPending(task.lastStatus());
    if (TaskStatus.STOPPED.is(task.desiredStatus()) || winding) { // DEACTIVATING, STOPPING, DEPROVISIONING
      return new ClassifiedTask(task, Phase.STOPPING, null);
    }
    if (TaskCounts.isPending(task.lastStatus())) {
      return new ClassifiedTask(task, Phase.PENDING, null);
    }
    Instant started = task.startedAt() != null ? task.startedAt() : task.createdAt();
    if (task.targets() != null) {
      return behindLoadBalancer(task, started, grace, now);
    }
    if (!task.hasHealthChecks()) {
      Instant healthyAt = started.plus(NO_HEALTH_CHECK_DELAY);
      return now.isBefore(healthyAt)
          ? new ClassifiedTask(task, Phase.STARTING, healthyAt)
          : new ClassifiedTask(task, Phase.HEALTHY, null);
    }
    if ("HEALTHY".equals(task.healthStatus())) {
      return new ClassifiedTask(task, Phase.HEALTHY, null);
    }
    if ("UNHEALTHY".equals(task.healthStatus())) {
      Instant graceEnds = started.plus(grace);
      return now.isBefore(graceEnds)
          ? new ClassifiedTask(task, Phase.STARTING, graceEnds)
          : new ClassifiedTask(task, Phase.UNHEALTHY, null);
    }
    return new ClassifiedTask(task, Phase.STARTING, null);
  }

  /**
   * A RUNNING task of a service with load balancers (Model docs of DeploymentConfiguration, "For services that do
   * use a load balancer"): healthy once every target is healthy, and its essential containers HEALTHY when it has
   * health checks (no 40 s rule); unhealthy when a target or a container is, once the grace period is over.
   */
  private static ClassifiedTask behindLoadBalancer(ObservedTask task, Instant started, Duration grace, Instant now) {
    boolean containersUnhealthy = task.hasHealthChecks() && "UNHEALTHY".equals(task.healthStatus());
    if (containersUnhealthy || task.targets().state() == TargetsHealth.State.UNHEALTHY) {
      Instant graceEnds = started.plus(grace);
      return now.isBefore(graceEnds)
          ? new ClassifiedTask(task, Phase.STARTING, graceEnds)
          : new ClassifiedTask(task, Phase.UNHEALTHY, null);
    }
    boolean containersHealthy = !task.hasHealthChecks() || "HEALTHY".equals(task.healthStatus());
    return containersHealthy && task.targets().state() == TargetsHealth.State.HEALTHY
        ? new ClassifiedTask(task, Phase.HEALTHY, null)
        : new ClassifiedTask(task, Phase.STARTING, null);
  }

  /** The stop of this UNHEALTHY task: for its load balancer's health checks when a target failed them. */
  TaskStop failedHealthChecksStop() {
    return failedElbHealthChecks()
        ? TaskStop.failedElbHealthChecks(id(), task.targets().unhealthyIn())
        : TaskStop.failedHealthChecks(id());
  }

  /** Whether it is unhealthy because a target of its failed the load balancer's health checks. */
  boolean failedElbHealthChecks() {
    return task.targets() != null && task.targets().state() == TargetsHealth.State.UNHEALTHY;
  }

  String id() {
    return task.taskId();
  }

  String deploymentId() {
    return task.startedBy();
  }

  /** Not STOPPED: holds a slot under maximumPercent. */
  boolean active() {
    return phase != Phase.STOPPED;
  }

  /** Counts towards its deployment's tasks: pending, starting or healthy, and wanted. */
  boolean live() {
    return phase == Phase.PENDING || phase == Phase.STARTING || phase == Phase.HEALTHY;
  }

  /** Its lastStatus is RUNNING (what runningCount counts, even while being stopped). */
  boolean lastStatusRunning() {
    return TaskCounts.isRunning(task.lastStatus());
  }

  /** Its lastStatus is before RUNNING (what pendingCount counts). */
  boolean lastStatusPending() {
    return TaskCounts.isPending(task.lastStatus());
  }

  /** Whether it ever counted as healthy, as far as the observed task tells (the memory may know more). */
  boolean provedHealthy() {
    if (phase == Phase.HEALTHY || "HEALTHY".equals(task.healthStatus())) {
      return true;
    }
    if (task.hasHealthChecks() || task.startedAt() == null || task.stoppedAt() == null) {
      return false;
    }
    return !task.stoppedAt().isBefore(task.startedAt().plus(NO_HEALTH_CHECK_DELAY));
  }
}
