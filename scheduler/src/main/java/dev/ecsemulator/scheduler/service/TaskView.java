package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;

/**
 * One observed task classified at an instant, as the rolling update sees it. Package-private: the
 * reconciler's vocabulary, not the caller's.
 */
final class TaskView {

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
  static final Comparator<TaskView> KEEP_ORDER =
      Comparator.comparingInt((TaskView v) -> switch (v.phase) {
            case HEALTHY -> 0;
            case STARTING -> 1;
            default -> 2;
          })
          .thenComparing(v -> v.facts.createdAt())
          .thenComparing(v -> v.facts.taskId());

  /** Oldest first (stable by ID). */
  static final Comparator<TaskView> OLDEST_FIRST =
      Comparator.comparing((TaskView v) -> v.facts.createdAt()).thenComparing(v -> v.facts.taskId());

  final ObservedTask facts;
  final Phase phase;
  /** When this task's phase changes by the clock alone (40 s rule, grace end), or null. */
  final Instant changesAt;

  private TaskView(ObservedTask facts, Phase phase, Instant changesAt) {
    this.facts = facts;
    this.phase = phase;
    this.changesAt = changesAt;
  }

  /**
   * Classifies {@code task} at {@code now}. Healthy: its essential containers are HEALTHY when it has
   * health checks, else 40 s after reaching RUNNING (ECS developer guide, DeploymentConfiguration
   * minimumHealthyPercent). Unhealthy: UNHEALTHY once the grace period after it started has passed
   * (healthCheckGracePeriodSeconds ignores unhealthy checks that long).
   */
  static TaskView classify(ObservedTask task, Duration grace, Instant now) {
    if (GONE.contains(task.lastStatus())) {
      return new TaskView(task, Phase.STOPPED, null);
    }
    boolean winding = !TaskCounts.isRunning(task.lastStatus()) && !TaskCounts.isPending(task.lastStatus());
    if (TaskStatus.STOPPED.is(task.desiredStatus()) || winding) { // DEACTIVATING, STOPPING, DEPROVISIONING
      return new TaskView(task, Phase.STOPPING, null);
    }
    if (TaskCounts.isPending(task.lastStatus())) {
      return new TaskView(task, Phase.PENDING, null);
    }
    Instant started = task.startedAt() != null ? task.startedAt() : task.createdAt();
    if (!task.hasHealthChecks()) {
      Instant healthyAt = started.plus(NO_HEALTH_CHECK_DELAY);
      return now.isBefore(healthyAt)
          ? new TaskView(task, Phase.STARTING, healthyAt)
          : new TaskView(task, Phase.HEALTHY, null);
    }
    if ("HEALTHY".equals(task.healthStatus())) {
      return new TaskView(task, Phase.HEALTHY, null);
    }
    if ("UNHEALTHY".equals(task.healthStatus())) {
      Instant graceEnds = started.plus(grace);
      return now.isBefore(graceEnds)
          ? new TaskView(task, Phase.STARTING, graceEnds)
          : new TaskView(task, Phase.UNHEALTHY, null);
    }
    return new TaskView(task, Phase.STARTING, null);
  }

  String id() {
    return facts.taskId();
  }

  String deploymentId() {
    return facts.startedBy();
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
    return TaskCounts.isRunning(facts.lastStatus());
  }

  /** Its lastStatus is before RUNNING (what pendingCount counts). */
  boolean lastStatusPending() {
    return TaskCounts.isPending(facts.lastStatus());
  }

  /** Whether it ever counted as healthy, as far as the facts tell (the memory may know more). */
  boolean provedHealthy() {
    if (phase == Phase.HEALTHY || "HEALTHY".equals(facts.healthStatus())) {
      return true;
    }
    if (facts.hasHealthChecks() || facts.startedAt() == null || facts.stoppedAt() == null) {
      return false;
    }
    return !facts.stoppedAt().isBefore(facts.startedAt().plus(NO_HEALTH_CHECK_DELAY));
  }
}
