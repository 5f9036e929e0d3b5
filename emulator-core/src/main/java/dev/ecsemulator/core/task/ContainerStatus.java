package dev.ecsemulator.core.task;

import dev.ecsemulator.core.ApiEnum;

/**
 * A container's {@code lastStatus} within a task (Model: Container.lastStatus), in lifecycle order: PENDING
 * until its Docker container runs, RUNNING while it does, STOPPED once it has exited (or never started).
 */
public enum ContainerStatus implements ApiEnum {
  PENDING,
  RUNNING,
  STOPPED
}
