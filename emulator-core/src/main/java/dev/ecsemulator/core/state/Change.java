package dev.ecsemulator.core.state;

import dev.ecsemulator.core.Scope;

/**
 * One committed change to one entity: {@code after} is null when it was removed, {@code before} is null
 * when it was created.
 */
public record Change(Scope scope, Kind<?> kind, String key, Object before, Object after) {

  public boolean isRemoval() {
    return after == null;
  }
}
