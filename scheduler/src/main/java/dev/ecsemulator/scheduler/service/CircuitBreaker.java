package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.DeploymentCircuitBreaker;
import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.service.DeploymentLimits;
import dev.ecsemulator.core.service.DeploymentStatus;
import dev.ecsemulator.core.service.Deployments;
import dev.ecsemulator.core.service.RolloutState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployment circuit breaker (reference §4; ECS developer guide {@code deployment-circuit-breaker.md};
 * API_ServiceDeploymentCircuitBreaker): when the PRIMARY deployment, IN_PROGRESS, reaches
 * {@link DeploymentLimits#circuitBreakerThreshold()} consecutive failed tasks, it becomes FAILED with
 * reason {@value Deployments#CIRCUIT_BREAKER_FAILED}. With rollback, a new PRIMARY deployment of the
 * last COMPLETED deployment's configuration takes over, with reason
 * {@code ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/N.}, and the failed one
 * becomes ACTIVE and drains.
 *
 * <p><b>Unverified</b> choices: a failing rollback deployment is not rolled back again (it stays
 * PRIMARY and FAILED); without a COMPLETED deployment to return to, the failed one stays PRIMARY; no
 * service event is emitted for the trip (ECS reports it through EventBridge, not in {@code events}).
 */
final class CircuitBreaker {

  /** The deployments after the check, PRIMARY first; {@code rolledBack} when a rollback started. */
  record Result(List<Deployment> deployments, boolean rolledBack) {}

  private CircuitBreaker() {}

  /**
   * @param deployments PRIMARY first, failedTasks up to date
   * @param lastCompleted the deployment to roll back to, or null
   */
  static Result check(
      List<Deployment> deployments,
      DeploymentConfiguration configuration,
      DeploymentLimits limits,
      Deployment lastCompleted,
      Ids ids,
      Instant now) {
    DeploymentCircuitBreaker breaker = configuration == null ? null : configuration.deploymentCircuitBreaker();
    Deployment primary = deployments.get(0);
    boolean enabled = breaker != null && Boolean.TRUE.equals(breaker.enable());
    int failed = primary.failedTasks() == null ? 0 : primary.failedTasks();
    if (!enabled
        || !RolloutState.IN_PROGRESS.is(primary.rolloutState())
        || failed < limits.circuitBreakerThreshold()) {
      return new Result(deployments, false);
    }
    Deployment tripped = primary.toBuilder()
        .rolloutState(RolloutState.FAILED.name())
        .rolloutStateReason(Deployments.CIRCUIT_BREAKER_FAILED)
        .updatedAt(now)
        .build();
    List<Deployment> result = new ArrayList<>();
    boolean rollBack = Boolean.TRUE.equals(breaker.rollback())
        && !Deployments.isRollback(primary)
        && lastCompleted != null
        // A remembered deployment without an id or a taskDefinition (a stored memory that lacks them)
        // cannot be launched again: no rollback then.
        && lastCompleted.id() != null
        && lastCompleted.taskDefinition() != null
        && !lastCompleted.id().equals(primary.id());
    if (rollBack) {
      result.add(Deployments.fresh(
          lastCompleted, ids.deploymentId(), Deployments.rollingBackReason(lastCompleted.id()), now));
      result.add(tripped.toBuilder().status(DeploymentStatus.ACTIVE.name()).build());
    } else {
      result.add(tripped);
    }
    result.addAll(deployments.subList(1, deployments.size()));
    return new Result(List.copyOf(result), rollBack);
  }
}
