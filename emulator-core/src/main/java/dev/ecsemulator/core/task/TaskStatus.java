package dev.ecsemulator.core.task;

import dev.ecsemulator.core.ApiEnum;

/**
 * A task's {@code lastStatus}, in lifecycle order (Guide {@code task-lifecycle.md}): PROVISIONING and
 * DEPROVISIONING only for awsvpc tasks (the emulator's per-task network sandbox plays the ENI),
 * ACTIVATING and DEACTIVATING only for tasks of services with load balancers (while their targets
 * register and drain).
 * A task's lastStatus only ever moves forward in this order.
 */
public enum TaskStatus implements ApiEnum {
  PROVISIONING,
  PENDING,
  ACTIVATING,
  RUNNING,
  DEACTIVATING,
  STOPPING,
  DEPROVISIONING,
  STOPPED;

  public static TaskStatus of(String lastStatus) {
    return valueOf(lastStatus);
  }

  public boolean isAfter(TaskStatus other) {
    return ordinal() > other.ordinal();
  }

  /** PROVISIONING, PENDING or ACTIVATING: counts as pending in cluster and service counters. */
  public boolean isPending() {
    return this == PROVISIONING || this == PENDING || this == ACTIVATING;
  }

  public boolean isStopped() {
    return this == STOPPED;
  }
}
