package dev.ecsemulator.scheduler.runtime;

/**
 * Something a container needs that the emulator cannot provide locally: a secret, an environment file
 * in S3, a log driver secret, or a volume backed by a remote file system. {@link ContainerSpecFactory}
 * never invents a value for it; the caller decides (ECS on Fargate fails such a task with
 * {@code ResourceInitializationError}, stop code {@code TaskFailedToStart}).
 *
 * @param containerName the task definition's container name, or null for a task-level volume
 * @param kind what it is
 * @param name the variable, option or volume name
 * @param source where ECS would fetch it from ({@code valueFrom}, the S3 ARN, the file system ID)
 */
public record UnresolvedInput(String containerName, Kind kind, String name, String source) {

  public enum Kind {
    /** {@code secrets[]}: SSM Parameter Store or Secrets Manager. */
    SECRET,
    /** {@code environmentFiles[]}: {@code .env} files in S3. */
    ENVIRONMENT_FILE,
    /** {@code logConfiguration.secretOptions[]}. */
    LOG_SECRET_OPTION,
    /** A volume of type EFS, FSx, S3 Files, or configured at launch (EBS). */
    VOLUME
  }
}
