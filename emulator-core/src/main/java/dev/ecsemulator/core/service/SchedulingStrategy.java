package dev.ecsemulator.core.service;

import dev.ecsemulator.core.ApiEnum;

/** A service's {@code schedulingStrategy} (Model: SchedulingStrategy); a service without one is REPLICA. */
public enum SchedulingStrategy implements ApiEnum {
  /** desiredCount tasks, placed where they fit. */
  REPLICA,
  /** One task per ACTIVE container instance of the cluster. */
  DAEMON
}
