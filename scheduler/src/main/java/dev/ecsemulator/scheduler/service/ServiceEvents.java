package dev.ecsemulator.scheduler.service;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The service event messages the scheduler emits, in ECS's exact wording. Sources: the reference
 * (ecs-semantics.md §4, wording observed in DescribeServices output) and the ECS developer guide,
 * {@code service-event-messages.md} and {@code service-throttle-logic.md}
 * (awsdocs/amazon-ecs-developer-guide).
 */
public final class ServiceEvents {

  private ServiceEvents() {}

  /** {@code (service NAME) has started 2 tasks: (task a) (task b).} ("1 tasks" for one, as ECS says). */
  public static String started(String service, List<String> taskIds) {
    return "(service " + service + ") has started " + taskIds.size() + " tasks: " + tasks(taskIds) + ".";
  }

  /** {@code (service NAME) has stopped 1 running tasks: (task x).} */
  public static String stopped(String service, List<String> taskIds) {
    return "(service " + service + ") has stopped " + taskIds.size() + " running tasks: " + tasks(taskIds) + ".";
  }

  /**
   * {@code (service NAME) stopped 2 pending tasks.}: tasks stopped before they reached RUNNING. No
   * {@code has} and no task list, as public captures of DescribeServices show it (e.g. a 2020 capture in
   * spinnaker's test data, a 2026 capture of a rollback; see the README's differences section).
   */
  public static String stoppedPending(String service, int count) {
    return "(service " + service + ") stopped " + count + " pending tasks.";
  }

  /**
   * {@code (service NAME) (deployment ecs-svc/N) deployment failed: tasks failed to start.}: the circuit
   * breaker failed the deployment. Public captures show this wording also when the failures were
   * container or load balancer health checks; the {@code tasks failed health checks} variant is seen in
   * no capture of DescribeServices we found (<b>unverified</b> whether ECS ever words it so).
   */
  public static String deploymentFailed(String service, String deploymentId) {
    return "(service " + service + ") (deployment " + deploymentId + ") deployment failed: tasks failed to start.";
  }

  /** {@code (service NAME) rolling back to deployment ecs-svc/N.}: the circuit breaker's rollback began. */
  public static String rollingBack(String service, String deploymentId) {
    return "(service " + service + ") rolling back to deployment " + deploymentId + ".";
  }

  /** {@code (service NAME) (task x) failed container health checks.} */
  public static String failedHealthChecks(String service, String taskId) {
    return "(service " + service + ") (task " + taskId + ") failed container health checks.";
  }

  /**
   * A task's target failed the load balancer's health checks: the Guide's "service unhealthy event message"
   * ({@code service-unhealthy-event-messages.md}), {@code (service NAME) (task ID) (port P) is unhealthy in
   * (target-group ARN) due to (reason Health checks failed)}, without the port, which the decision does not know.
   * <b>Unverified</b>: whether ECS names the group by ARN or by name here (the stoppedReason names its ARN), and
   * the port part.
   */
  public static String failedElbHealthChecks(String service, String taskId, String targetGroupArn) {
    return "(service " + service + ") (task " + taskId + ") is unhealthy in (target-group " + targetGroupArn
        + ") due to (reason Health checks failed).";
  }

  /** {@code (service NAME) registered 1 targets in (target-group ARN)} (reference §4: no final period). */
  public static String registeredTargets(String service, int count, String targetGroupArn) {
    return "(service " + service + ") registered " + count + " targets in (target-group " + targetGroupArn + ")";
  }

  /** {@code (service NAME) deregistered 1 targets in (target-group ARN)} (reference §4: no final period). */
  public static String deregisteredTargets(String service, int count, String targetGroupArn) {
    return "(service " + service + ") deregistered " + count + " targets in (target-group " + targetGroupArn + ")";
  }

  /** {@code (service NAME) (deployment ecs-svc/N) deployment completed.} */
  public static String deploymentCompleted(String service, String deploymentId) {
    return "(service " + service + ") (deployment " + deploymentId + ") deployment completed.";
  }

  /** {@code (service NAME) has reached a steady state.} */
  public static String steadyState(String service) {
    return "(service " + service + ") has reached a steady state.";
  }

  /** The restart throttle's event: {@code (service NAME) is unable to consistently start tasks successfully.} */
  public static String unableToStartConsistently(String service) {
    return "(service " + service + ") is unable to consistently start tasks successfully.";
  }

  /** Neither minimumHealthyPercent nor maximumPercent lets a deployment move. */
  public static String deploymentConfigurationDeadlock(String service) {
    return "(service " + service + ") was unable to stop or start tasks during a deployment because of the"
        + " service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try"
        + " again.";
  }

  /** No container instance could take a task. */
  public static String unableToPlace(String service) {
    return "(service " + service + ") was unable to place a task because no container instance met all of its"
        + " requirements.";
  }

  private static String tasks(List<String> taskIds) {
    return taskIds.stream().map(id -> "(task " + id + ")").collect(Collectors.joining(" "));
  }
}
