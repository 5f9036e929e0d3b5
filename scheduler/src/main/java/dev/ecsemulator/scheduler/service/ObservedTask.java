package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.scheduler.task.TaskRecords;
import java.time.Instant;
import java.util.Objects;

/**
 * What the service reconciler needs to know about one task of the service, as observed: a flat,
 * immutable projection of {@link Task} plus one fact from its task definition.
 *
 * <p>Pass every task of the service that the store still holds, STOPPED ones included (ECS keeps them
 * for at least an hour): the reconciler counts failures from tasks it sees stopped, once each.
 *
 * @param taskId the task ID: the last segment of the task ARN (32 lowercase hex characters)
 * @param startedBy the deployment the task belongs to ({@code ecs-svc/...}); a task whose deployment is
 *     no longer in the service's list is drained like a task of a replaced deployment
 * @param lastStatus the task's {@code lastStatus} (PROVISIONING, PENDING, ACTIVATING, RUNNING,
 *     DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED or DELETED)
 * @param desiredStatus RUNNING or STOPPED
 * @param healthStatus the task's {@code healthStatus}: HEALTHY when all essential containers are
 *     HEALTHY, UNHEALTHY when any is, else UNKNOWN (null counts as UNKNOWN)
 * @param hasHealthChecks whether some essential container of the task definition has a
 *     {@code healthCheck}; without one a task counts as healthy 40 s after it reached RUNNING
 * @param createdAt when the task was created (never null)
 * @param startedAt when the task reached RUNNING, or null if it never did; a RUNNING task with a null
 *     {@code startedAt} is taken to have started at {@code createdAt}
 * @param stoppedAt when the task reached STOPPED, or null (a STOPPED task with null counts as stopped
 *     "now")
 * @param stopCode the task's {@code stopCode}, or null; {@code ServiceSchedulerInitiated} and
 *     {@code UserInitiated} stops never count as failures
 * @param stoppedReason the task's {@code stoppedReason}, or null (informative only)
 * @param containerInstanceArn the container instance it runs on, or null (used by DAEMON services)
 * @param targets what the load balancers say of its targets; null when its service has no {@code loadBalancers}
 */
public record ObservedTask(
    String taskId,
    String startedBy,
    String lastStatus,
    String desiredStatus,
    String healthStatus,
    boolean hasHealthChecks,
    Instant createdAt,
    Instant startedAt,
    Instant stoppedAt,
    String stopCode,
    String stoppedReason,
    String containerInstanceArn,
    TargetsHealth targets) {

  /** A task whose service has no load balancers. */
  public ObservedTask(String taskId, String startedBy, String lastStatus, String desiredStatus, String healthStatus,
      boolean hasHealthChecks, Instant createdAt, Instant startedAt, Instant stoppedAt, String stopCode,
      String stoppedReason, String containerInstanceArn) {
    this(taskId, startedBy, lastStatus, desiredStatus, healthStatus, hasHealthChecks, createdAt, startedAt, stoppedAt,
        stopCode, stoppedReason, containerInstanceArn, null);
  }

  /** This task with what the load balancers say of its targets. */
  public ObservedTask withTargets(TargetsHealth health) {
    return new ObservedTask(taskId, startedBy, lastStatus, desiredStatus, healthStatus, hasHealthChecks, createdAt,
        startedAt, stoppedAt, stopCode, stoppedReason, containerInstanceArn, health);
  }

  public ObservedTask {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(lastStatus, "lastStatus");
    Objects.requireNonNull(desiredStatus, "desiredStatus");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Projects a stored task. {@code hasHealthChecks} comes from its task definition: true when an
   * essential container defines a {@code healthCheck}.
   */
  public static ObservedTask of(Task task, boolean hasHealthChecks) {
    String arn = task.taskArn();
    String id = arn.substring(arn.lastIndexOf('/') + 1);
    return new ObservedTask(
        id,
        task.startedBy(),
        task.lastStatus(),
        task.desiredStatus(),
        task.healthStatus(),
        hasHealthChecks,
        task.createdAt(),
        task.startedAt(),
        task.stoppedAt(),
        task.stopCode(),
        task.stoppedReason(),
        task.containerInstanceArn());
  }

  /**
   * Projects a stored task that may lack members, under the ID its store key gives. A record the task
   * engine cannot run ({@link TaskRecords#gaps(Task)}) is stopped by the engine: until then it is seen as
   * on its way down (desiredStatus STOPPED; lastStatus as recorded, or STOPPING when it has none the
   * scheduler knows), so it holds its slot and is never asked to stop. A STOPPED task without a
   * desiredStatus is seen with desiredStatus STOPPED. A missing {@code createdAt} counts as the epoch:
   * the task is the oldest, and stays so, on every reconcile.
   */
  public static ObservedTask ofStored(String taskId, Task task, boolean hasHealthChecks) {
    boolean known = TaskRecords.isFinal(task) || TaskRecords.lastStatus(task).isPresent();
    boolean runnable = TaskRecords.isFinal(task) || TaskRecords.gaps(task).isEmpty();
    return new ObservedTask(
        taskId,
        task.startedBy(),
        known ? task.lastStatus() : TaskStatus.STOPPING.name(),
        runnable && task.desiredStatus() != null ? task.desiredStatus() : TaskStatus.STOPPED.name(),
        task.healthStatus(),
        hasHealthChecks,
        task.createdAt() != null ? task.createdAt() : Instant.EPOCH,
        task.startedAt(),
        task.stoppedAt(),
        task.stopCode(),
        task.stoppedReason(),
        task.containerInstanceArn());
  }

  /**
   * Whether a task of this definition has container health checks that count: some essential container
   * ({@code essential} defaults to true) defines a {@code healthCheck}. Only essential containers make
   * the task's health (reference §2, "Health status").
   */
  public static boolean hasHealthChecks(TaskDefinition definition) {
    return definition.containerDefinitions() != null
        && definition.containerDefinitions().stream()
            .anyMatch(c -> c != null && !Boolean.FALSE.equals(c.essential()) && c.healthCheck() != null);
  }

  /** Whether the task ever reached RUNNING. */
  public boolean everRunning() {
    return startedAt != null || TaskStatus.RUNNING.is(lastStatus);
  }
}
