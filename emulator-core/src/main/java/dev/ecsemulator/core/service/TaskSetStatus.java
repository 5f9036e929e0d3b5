package dev.ecsemulator.core.service;

import dev.ecsemulator.core.ApiEnum;

/** A task set's {@code status} (Model: TaskSet.status). */
public enum TaskSetStatus implements ApiEnum {
  /** Serving production traffic: set by UpdateServicePrimaryTaskSet; the service shows its settings. */
  PRIMARY,
  /** Not serving production traffic: how every task set starts (aws-cli example of create-task-set). */
  ACTIVE,
  /** Deleted: its tasks are being stopped; it leaves the service once none is left. */
  DRAINING
}
