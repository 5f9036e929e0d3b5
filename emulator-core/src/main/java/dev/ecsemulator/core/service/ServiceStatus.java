package dev.ecsemulator.core.service;

import dev.ecsemulator.core.ApiEnum;

/** A service's {@code status} (Model: Service.status), in lifecycle order. */
public enum ServiceStatus implements ApiEnum {
  /** Created, reconciled, listed by ListServices. */
  ACTIVE,
  /** Deleted: desiredCount 0, its tasks being stopped; still reconciled, no longer listed. */
  DRAINING,
  /** Every task stopped after a DeleteService: no longer reconciled; its name is free again. */
  INACTIVE
}
