package dev.ecsemulator.core.service;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.model.Deployment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A service's {@code deployments[]}: the pure helpers that start a deployment, and the rollout reasons
 * (its words: {@link DeploymentStatus} and {@link RolloutState}).
 * CreateService and UpdateService create deployments with {@link #initial} and {@link #withNewPrimary};
 * the service scheduler moves them along (counts, rolloutState), removes them once drained, and starts a
 * rollback with {@link #rollingBack}. A desiredCount change alone creates no deployment (reference §4).
 */
public final class Deployments {

  /** {@code rolloutStateReason} of a deployment the circuit breaker failed (reference §4). */
  public static final String CIRCUIT_BREAKER_FAILED = "ECS deployment circuit breaker: tasks failed to start.";

  /** How a circuit-breaker rollback deployment's {@code rolloutStateReason} begins (reference §4). */
  private static final String ROLLING_BACK_PREFIX = "ECS deployment circuit breaker: rolling back to deploymentId ";

  private Deployments() {}

  /** {@code ECS deployment ecs-svc/N in progress.} */
  public static String inProgressReason(String deploymentId) {
    return "ECS deployment " + deploymentId + " in progress.";
  }

  /** {@code ECS deployment ecs-svc/N completed.} */
  public static String completedReason(String deploymentId) {
    return "ECS deployment " + deploymentId + " completed.";
  }

  /** {@code ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/N.}, N the completed one. */
  public static String rollingBackReason(String completedDeploymentId) {
    return ROLLING_BACK_PREFIX + completedDeploymentId + ".";
  }

  /** Whether this deployment is a circuit-breaker rollback still in progress. */
  public static boolean isRollback(Deployment deployment) {
    return RolloutState.IN_PROGRESS.is(deployment.rolloutState()) && rollsBack(deployment);
  }

  /** Whether the circuit breaker started this deployment to roll back (its reason says so), in any state. */
  public static boolean rollsBack(Deployment deployment) {
    return deployment.rolloutStateReason() != null && deployment.rolloutStateReason().startsWith(ROLLING_BACK_PREFIX);
  }

  /**
   * The deployments of a new service: one PRIMARY, IN_PROGRESS, with no tasks yet.
   *
   * @param spec what the deployment runs: {@code taskDefinition} and, as the service has them,
   *     {@code launchType}, {@code capacityProviderStrategy}, {@code platformVersion},
   *     {@code platformFamily}, {@code networkConfiguration}; its id, status, counts, rollout state and
   *     timestamps are ignored and set here
   */
  public static List<Deployment> initial(Deployment spec, Ids ids, Instant now) {
    return List.of(fresh(spec, ids.deploymentId(), null, now));
  }

  /**
   * The deployments after an UpdateService that starts a deployment (a changed task definition, network
   * configuration, ... or {@code forceNewDeployment}): a new PRIMARY first, IN_PROGRESS with
   * {@code desiredCount} 0 (as observed right after UpdateService), then the previous deployments, all
   * ACTIVE, each keeping its rolloutState and reason (an old COMPLETED PRIMARY stays COMPLETED).
   * Pure: returns a new list.
   *
   * @param current the service's deployments now
   * @param spec as for {@link #initial}
   */
  public static List<Deployment> withNewPrimary(List<Deployment> current, Deployment spec, Ids ids, Instant now) {
    List<Deployment> result = new ArrayList<>();
    result.add(fresh(spec, ids.deploymentId(), null, now));
    for (Deployment old : current) {
      result.add(DeploymentStatus.PRIMARY.is(old.status())
          ? old.toBuilder().status(DeploymentStatus.ACTIVE.name()).updatedAt(now).build()
          : old);
    }
    return List.copyOf(result);
  }

  /** The PRIMARY deployment: the one marked so, else the newest; null for an empty list. */
  public static Deployment primary(List<Deployment> deployments) {
    if (deployments == null || deployments.isEmpty()) {
      return null;
    }
    return deployments.stream()
        .filter(d -> DeploymentStatus.PRIMARY.is(d.status()))
        .findFirst()
        .orElseGet(() -> deployments.stream().max(byCreatedAt()).orElseThrow());
  }

  /** A new PRIMARY deployment with no tasks. {@code reason} null means "in progress". */
  public static Deployment fresh(Deployment spec, String id, String reason, Instant now) {
    Objects.requireNonNull(spec.taskDefinition(), "spec.taskDefinition");
    return spec.toBuilder()
        .id(id)
        .status(DeploymentStatus.PRIMARY.name())
        .desiredCount(0)
        .runningCount(0)
        .pendingCount(0)
        .failedTasks(0)
        .rolloutState(RolloutState.IN_PROGRESS.name())
        .rolloutStateReason(reason == null ? inProgressReason(id) : reason)
        .createdAt(now)
        .updatedAt(now)
        .build();
  }

  /**
   * The deployment a circuit-breaker rollback returns to: the last COMPLETED one, under its own ID and
   * createdAt, PRIMARY again and IN_PROGRESS with reason
   * {@code ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/N.} (N its own ID), its
   * failure count restarted. It becomes COMPLETED again under the same ID ({@code ECS deployment
   * ecs-svc/N completed.}), as public captures of DescribeServices show (the deployment keeps its
   * original createdAt after the rollback). Its task counts are left to the scheduler. Pure.
   */
  public static Deployment rollingBack(Deployment completed, Instant now) {
    return completed.toBuilder()
        .status(DeploymentStatus.PRIMARY.name())
        .failedTasks(0)
        .rolloutState(RolloutState.IN_PROGRESS.name())
        .rolloutStateReason(rollingBackReason(completed.id()))
        .updatedAt(now)
        .build();
  }

  /** Oldest first, by createdAt then id (nulls first). */
  public static Comparator<Deployment> byCreatedAt() {
    return Comparator.comparing(Deployment::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Deployment::id, Comparator.nullsFirst(Comparator.naturalOrder()));
  }
}
