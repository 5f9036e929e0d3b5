package dev.ecsemulator.core.service;

import dev.ecsemulator.core.ApiEnum;

/**
 * The {@code status} of a service deployment's circuit breaker (Model: ServiceDeploymentRollbackMonitorsStatus,
 * shared with its alarms, which the emulator does not monitor).
 */
public enum RollbackMonitorsStatus implements ApiEnum {
  /** It failed the deployment. */
  TRIGGERED,
  /** It watches the deployment's failed tasks. */
  MONITORING,
  /** The deployment completed without tripping it. */
  MONITORING_COMPLETE,
  /** The service's deployment configuration leaves it off. */
  DISABLED
}
