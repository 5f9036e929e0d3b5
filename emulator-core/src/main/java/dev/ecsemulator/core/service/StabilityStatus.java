package dev.ecsemulator.core.service;

import dev.ecsemulator.core.ApiEnum;

/** A task set's {@code stabilityStatus} (Model: TaskSet.stabilityStatus). */
public enum StabilityStatus implements ApiEnum {
  /** Running its computedDesiredCount of healthy tasks, none pending. */
  STEADY_STATE,
  /** Anything else. */
  STABILIZING
}
