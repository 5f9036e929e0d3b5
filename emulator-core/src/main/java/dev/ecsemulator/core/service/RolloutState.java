package dev.ecsemulator.core.service;

import dev.ecsemulator.core.ApiEnum;

/** The {@code rolloutState} of an entry of a service's {@code deployments[]} (Model: DeploymentRolloutState). */
public enum RolloutState implements ApiEnum {
  IN_PROGRESS,
  COMPLETED,
  /** The circuit breaker failed it. */
  FAILED
}
