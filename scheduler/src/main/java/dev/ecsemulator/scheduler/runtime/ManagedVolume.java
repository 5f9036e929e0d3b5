package dev.ecsemulator.scheduler.runtime;

/**
 * A Docker volume of this emulator instance, as its labels describe it.
 *
 * @param name the Docker volume name
 * @param taskArn the task it was created for ({@code com.amazonaws.ecs.task-arn}): set on task-scoped volumes
 *     (scope {@code task}, and the empty host volumes), null on shared ones the emulator provisioned
 */
public record ManagedVolume(String name, String taskArn) {

  /** Removed with its task's containers, as the agent removes task-scoped volumes; shared ones outlive tasks. */
  public boolean taskScoped() {
    return taskArn != null;
  }
}
