package dev.ecsemulator.scheduler.service;

import java.util.Objects;

/**
 * One task the plan stops. The caller sets its {@code desiredStatus} to STOPPED with this
 * {@code stoppedReason} and {@code stopCode} before the next reconcile, then stops its containers.
 *
 * @param taskId the task's ID
 * @param stoppedReason ECS's wording, e.g. {@code Scaling activity initiated by (deployment ecs-svc/N)}
 *     or {@code Task failed container health checks}
 * @param stopCode {@code ServiceSchedulerInitiated}
 */
public record TaskStop(String taskId, String stoppedReason, String stopCode) {

  /** The stop code of every stop the service scheduler initiates. */
  public static final String SERVICE_SCHEDULER_INITIATED = "ServiceSchedulerInitiated";

  /**
   * The reason of a task stopped for failing its container health checks. Its stop code is
   * <b>unverified</b>: sources disagree between ServiceSchedulerInitiated and EssentialContainerExited;
   * we use ServiceSchedulerInitiated, since the scheduler initiates the stop.
   */
  public static final String FAILED_HEALTH_CHECKS_REASON = "Task failed container health checks";

  /** A scale-in or deployment replacement: {@code Scaling activity initiated by (deployment ecs-svc/N)}. */
  public static TaskStop scalingActivity(String taskId, String deploymentId) {
    return new TaskStop(
        taskId, "Scaling activity initiated by (deployment " + deploymentId + ")", SERVICE_SCHEDULER_INITIATED);
  }

  /** A task stopped because it failed its container health checks. */
  public static TaskStop failedHealthChecks(String taskId) {
    return new TaskStop(taskId, FAILED_HEALTH_CHECKS_REASON, SERVICE_SCHEDULER_INITIATED);
  }

  /** A task stopped because a target of its failed the load balancer's health checks (reference §3). */
  public static TaskStop failedElbHealthChecks(String taskId, String targetGroupArn) {
    return new TaskStop(taskId, "Task failed ELB health checks in (target-group " + targetGroupArn + ")",
        SERVICE_SCHEDULER_INITIATED);
  }

  public TaskStop {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(stoppedReason, "stoppedReason");
    Objects.requireNonNull(stopCode, "stopCode");
  }
}
