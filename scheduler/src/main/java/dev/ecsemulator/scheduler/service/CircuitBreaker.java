package dev.ecsemulator.scheduler.service;

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
 * reason {@value Deployments#CIRCUIT_BREAKER_FAILED}. With rollback, the last COMPLETED deployment
 * becomes PRIMARY again under its own ID ({@link Deployments#rollingBack}; "the service is rolled back
 * to the last deployment that completed successfully", API_DeploymentCircuitBreaker): its tasks that
 * still run are kept, and the failed one becomes ACTIVE and drains. The caller words the trip in the
 * service's events ({@link ServiceEvents#deploymentFailed}, {@link ServiceEvents#rollingBack}).
 *
 * <p><b>Unverified</b> choices: a failing rollback deployment is not rolled back again (it stays
 * PRIMARY and FAILED); without a COMPLETED deployment to return to, the failed one stays PRIMARY.
 */
final class CircuitBreaker {

  /**
   * The deployments after the check, PRIMARY first.
   *
   * @param failedId the deployment the breaker failed now, or null
   * @param rolledBackTo the deployment the rollback returns to (now PRIMARY), or null
   */
  record Result(List<Deployment> deployments, String failedId, String rolledBackTo) {

    boolean rolledBack() {
      return rolledBackTo != null;
    }
  }

  private CircuitBreaker() {}

  /**
   * @param deployments PRIMARY first, failedTasks present and up to date
   * @param lastCompleted the deployment to roll back to (still listed or remembered), or null
   */
  static Result check(
      List<Deployment> deployments,
      DeploymentConfiguration configuration,
      DeploymentLimits limits,
      Deployment lastCompleted,
      Instant now) {
    DeploymentCircuitBreaker breaker = configuration == null ? null : configuration.deploymentCircuitBreaker();
    Deployment primary = deployments.get(0);
    boolean enabled = breaker != null && Boolean.TRUE.equals(breaker.enable());
    int failed = primary.failedTasks();
    if (!enabled
        || !RolloutState.IN_PROGRESS.is(primary.rolloutState())
        || failed < limits.circuitBreakerThreshold()) {
      return new Result(deployments, null, null);
    }
    Deployment tripped = primary.toBuilder()
        .rolloutState(RolloutState.FAILED.name())
        .rolloutStateReason(Deployments.CIRCUIT_BREAKER_FAILED)
        .updatedAt(now)
        .build();
    boolean rollBack = Boolean.TRUE.equals(breaker.rollback())
        && !Deployments.isRollback(primary)
        && lastCompleted != null
        // A remembered deployment without an id or a taskDefinition (a stored memory that lacks them)
        // cannot be launched again: no rollback then.
        && lastCompleted.id() != null
        && lastCompleted.taskDefinition() != null
        && !lastCompleted.id().equals(primary.id());
    if (!rollBack) {
      List<Deployment> result = new ArrayList<>(deployments);
      result.set(0, tripped);
      return new Result(List.copyOf(result), primary.id(), null);
    }
    // The listed deployment when it still has tasks; else the remembered one (drained and removed).
    Deployment target = deployments.stream()
        .filter(d -> d.id().equals(lastCompleted.id()))
        .findFirst()
        .orElse(lastCompleted);
    List<Deployment> result = new ArrayList<>();
    result.add(Deployments.rollingBack(target, now));
    result.add(tripped.toBuilder().status(DeploymentStatus.ACTIVE.name()).build());
    deployments.stream().skip(1).filter(d -> !d.id().equals(target.id())).forEach(result::add);
    return new Result(List.copyOf(result), primary.id(), target.id());
  }
}
