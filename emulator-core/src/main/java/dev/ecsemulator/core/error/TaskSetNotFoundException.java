package dev.ecsemulator.core.error;

/** AWS error {@code TaskSetNotFoundException}: The task set does not exist. */
public final class TaskSetNotFoundException extends EcsException {
  public TaskSetNotFoundException(String message) {
    super(message);
  }
}
