package dev.ecsemulator.core.service;

import dev.ecsemulator.core.ApiEnum;

/**
 * The {@code status} of an entry of a service's {@code deployments[]} (Model: Deployment.status). ECS also
 * documents INACTIVE; the emulator never shows it: a drained deployment leaves the list.
 */
public enum DeploymentStatus implements ApiEnum {
  /** The newest deployment: the one the service converges to. */
  PRIMARY,
  /** An older deployment whose tasks drain. */
  ACTIVE
}
