package dev.ecsemulator.core.logs.error;

import java.util.Map;

/** AWS error {@code TooManyTagsException}: a resource would have more than 50 tags. Names the resource, as AWS does. */
public final class TooManyTagsException extends LogsException {

  private final String resourceName;

  public TooManyTagsException(String message, String resourceName) {
    super(message);
    this.resourceName = resourceName;
  }

  @Override
  public Map<String, Object> extraMembers() {
    return Map.of("resourceName", resourceName);
  }
}
