package dev.ecsemulator.core.error;

import java.util.List;
import java.util.Map;

/**
 * AWS error {@code ConflictException}: a RunTask clientToken is already in use with different parameters;
 * {@code resourceIds} names the tasks already started with that token.
 */
public final class ConflictException extends EcsException {

  private final List<String> resourceIds;

  public ConflictException(String message, List<String> resourceIds) {
    super(message);
    this.resourceIds = List.copyOf(resourceIds);
  }

  public List<String> resourceIds() {
    return resourceIds;
  }

  @Override
  public Map<String, Object> extraMembers() {
    return Map.of("resourceIds", resourceIds);
  }
}
