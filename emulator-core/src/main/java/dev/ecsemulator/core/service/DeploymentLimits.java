package dev.ecsemulator.core.service;

import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.model.Service;

/**
 * The rolling-update bounds of a service at one desired count (reference §4; ECS developer guide
 * {@code deployment-type-ecs.md}): at most {@link #maxTasks()} tasks RUNNING or PENDING over all
 * deployments, and at least {@link #minHealthy()} healthy tasks kept while stopping.
 *
 * @param desiredCount the number of tasks the service should run (for DAEMON, its container instances)
 * @param minimumHealthyPercent the lower bound, in percent of desiredCount
 * @param maximumPercent the upper bound, in percent of desiredCount
 */
public record DeploymentLimits(int desiredCount, int minimumHealthyPercent, int maximumPercent) {

  /** REPLICA defaults: 100 / 200. */
  public static final int REPLICA_MINIMUM_HEALTHY_PERCENT = 100;
  public static final int REPLICA_MAXIMUM_PERCENT = 200;
  /** DAEMON defaults: 0 / 100. */
  public static final int DAEMON_MINIMUM_HEALTHY_PERCENT = 0;
  public static final int DAEMON_MAXIMUM_PERCENT = 100;

  public DeploymentLimits {
    if (desiredCount < 0 || minimumHealthyPercent < 0 || maximumPercent < 0) {
      throw new IllegalArgumentException(
          "negative limits: " + desiredCount + ", " + minimumHealthyPercent + ", " + maximumPercent);
    }
  }

  /**
   * The limits of {@code service} at {@code desiredCount}, with ECS's defaults for the percentages the
   * service leaves unset (by its schedulingStrategy; null means REPLICA).
   */
  public static DeploymentLimits of(Service service, int desiredCount) {
    boolean daemon = SchedulingStrategy.DAEMON.is(service.schedulingStrategy());
    DeploymentConfiguration config = service.deploymentConfiguration();
    Integer min = config == null ? null : config.minimumHealthyPercent();
    Integer max = config == null ? null : config.maximumPercent();
    return new DeploymentLimits(
        desiredCount,
        min != null ? min : daemon ? DAEMON_MINIMUM_HEALTHY_PERCENT : REPLICA_MINIMUM_HEALTHY_PERCENT,
        max != null ? max : daemon ? DAEMON_MAXIMUM_PERCENT : REPLICA_MAXIMUM_PERCENT);
  }

  /** {@code floor(desiredCount × maximumPercent / 100)}: the ceiling on RUNNING + PENDING tasks. */
  public int maxTasks() {
    return (int) ((long) desiredCount * maximumPercent / 100);
  }

  /** {@code ceil(desiredCount × minimumHealthyPercent / 100)}: the floor on healthy tasks while stopping. */
  public int minHealthy() {
    return (int) (((long) desiredCount * minimumHealthyPercent + 99) / 100);
  }

  /** The circuit breaker's failure threshold at this desiredCount: {@link #circuitBreakerThreshold(int)}. */
  public int circuitBreakerThreshold() {
    return circuitBreakerThreshold(desiredCount);
  }

  /**
   * The circuit breaker's failure threshold: {@code clamp(ceil(0.5 × desiredCount), 3, 200)}. The minimum
   * is 3 per the current API reference (API_ServiceDeploymentCircuitBreaker: "a minimum threshold of 3
   * and a maximum threshold of 200"); the 2023 developer guide said 10.
   */
  public static int circuitBreakerThreshold(int desiredCount) {
    return Math.max(3, Math.min(200, (desiredCount + 1) / 2));
  }
}
