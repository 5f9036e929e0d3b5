package dev.ecsemulator.core.service;

import dev.ecsemulator.core.ApiEnum;
import dev.ecsemulator.core.model.DeploymentConfiguration;

/**
 * {@code deploymentConfiguration.strategy} (Model: DeploymentStrategy). ROLLING replaces tasks in place; the other
 * three run the new revision (green) beside the old one (blue) and shift traffic between them through the listener
 * rules of the service's {@code loadBalancers[].advancedConfiguration} (ECS developer guide,
 * deployment-type-blue-green, deployment-type-linear, deployment-type-canary).
 */
public enum DeploymentStrategy implements ApiEnum {
  ROLLING,
  BLUE_GREEN,
  LINEAR,
  CANARY;

  /** The strategy of a configuration; ROLLING when none is set (ECS's default). */
  public static DeploymentStrategy of(DeploymentConfiguration config) {
    if (config == null || config.strategy() == null) {
      return ROLLING;
    }
    for (DeploymentStrategy s : values()) {
      if (s.is(config.strategy())) {
        return s;
      }
    }
    return ROLLING;
  }

  /** Whether the service deploys beside its running revision and shifts traffic (every strategy but ROLLING). */
  public boolean shiftsTraffic() {
    return this != ROLLING;
  }
}
