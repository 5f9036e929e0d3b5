package dev.ecsemulator.core.service;

/**
 * The words of a service's {@code deployments[]} that the API side needs (the scheduler's
 * {@code dev.ecsemulator.scheduler.service.Deployments} uses the same ones): deployment status and
 * rollout state (Model: Deployment.status, DeploymentRolloutState).
 */
public final class RolloutStates {

  private RolloutStates() {}

  public static final String PRIMARY = "PRIMARY";
  public static final String ACTIVE = "ACTIVE";

  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";

  /** How a circuit-breaker rollback deployment's reason begins (reference §4). */
  public static final String ROLLING_BACK_PREFIX = "ECS deployment circuit breaker: rolling back to deploymentId ";
}
