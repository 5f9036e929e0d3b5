package dev.ecsemulator.scheduler.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * A Docker named volume a task needs before its containers are created
 * ({@link ContainerRuntime#ensureVolume}).
 *
 * @param taskVolumeName the volume's name in the task definition
 * @param dockerName the Docker volume name: the agent's {@code ecs-<family>-<rev>-<name>-<hex>} for a
 *     task-scoped volume, the task definition's name for a shared one
 * @param driver the volume driver ({@code local} unless the task definition says otherwise)
 * @param labels the task definition's labels plus the emulator's ownership labels (for volumes we create)
 * @param scope TASK: created for this task, removed with it; SHARED: outlives the task
 * @param autoprovision for SHARED: create it when missing (else a missing volume fails the task)
 */
public record VolumeSpec(
    String taskVolumeName,
    String dockerName,
    String driver,
    Map<String, String> driverOpts,
    Map<String, String> labels,
    Scope scope,
    boolean autoprovision) {

  public VolumeSpec {
    Objects.requireNonNull(dockerName, "dockerName");
    driver = driver == null || driver.isBlank() ? "local" : driver;
    driverOpts = driverOpts == null ? Map.of() : Map.copyOf(driverOpts);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    Objects.requireNonNull(scope, "scope");
  }

  /** ECS {@code dockerVolumeConfiguration.scope}. */
  public enum Scope { TASK, SHARED }
}
