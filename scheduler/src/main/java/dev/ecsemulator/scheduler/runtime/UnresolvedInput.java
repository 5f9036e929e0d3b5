package dev.ecsemulator.scheduler.runtime;

/**
 * Something a container needs that the emulator cannot provide locally: an environment file in S3, or a
 * volume backed by a remote file system (secrets come from the emulator's own stores: see
 * {@code scheduler.secrets}). {@link ContainerSpecFactory} never invents a value for it; the caller
 * decides (ECS on Fargate fails such a task with {@code ResourceInitializationError}, stop code
 * {@code TaskFailedToStart}).
 *
 * @param containerName the task definition's container name, or null for a task-level volume
 * @param kind what it is
 * @param name the file type or volume name
 * @param source where ECS would fetch it from (the S3 ARN, the file system ID)
 */
public record UnresolvedInput(String containerName, Kind kind, String name, String source) {

  public enum Kind {
    /** {@code environmentFiles[]}: {@code .env} files in S3. */
    ENVIRONMENT_FILE,
    /** A volume of type EFS, FSx, S3 Files, or configured at launch (EBS). */
    VOLUME
  }
}
