package dev.ecsemulator.core.capacity;

import dev.ecsemulator.core.ApiEnum;

/** A capacity provider's {@code status} (Model: CapacityProvider.status). */
public enum CapacityProviderStatus implements ApiEnum {
  ACTIVE,
  /** Deleted: still described for a while. */
  INACTIVE
}
