package dev.ecsemulator.scheduler.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names and labels the ECS agent gives Docker resources (agent {@code docker_task_engine.go},
 * {@code createContainer}; {@code task.go}, {@code volumeName}). Pure.
 *
 * <p>The agent ends names with {@code utils.RandHex()}: 10 random bytes as 20 hex characters. The
 * emulator derives those 20 characters from the task ARN and the name instead, so a retried or resumed
 * launch finds the container it already created (creation is idempotent by name).
 */
public final class AgentLabels {

  public static final String TASK_ARN = "com.amazonaws.ecs.task-arn";
  public static final String CONTAINER_NAME = "com.amazonaws.ecs.container-name";
  public static final String TASK_DEFINITION_FAMILY = "com.amazonaws.ecs.task-definition-family";
  public static final String TASK_DEFINITION_VERSION = "com.amazonaws.ecs.task-definition-version";
  public static final String CLUSTER = "com.amazonaws.ecs.cluster";

  /** The container name the agent reports for its pause container (agent {@code task_linux.go}). */
  public static final String PAUSE_CONTAINER_NAME = "~internal~ecs~pause";

  private AgentLabels() {}

  /**
   * {@code ecs-<family>-<revision>-<container name without [^A-Za-z0-9-]>-<20 hex>}, the agent's form.
   */
  public static String dockerName(String family, int revision, String containerName, String taskArn) {
    String cleaned = containerName.replaceAll("[^A-Za-z0-9-]+", "");
    return "ecs-" + family + "-" + revision + "-" + cleaned + "-" + stableHex(taskArn, "container/" + containerName);
  }

  /** {@code ecs-<family>-<revision>-<volume name>-<20 hex>}: the agent's name for task-scoped volumes. */
  public static String taskVolumeName(String family, int revision, String volumeName, String taskArn) {
    return "ecs-" + family + "-" + revision + "-" + volumeName + "-" + stableHex(taskArn, "volume/" + volumeName);
  }

  /** 20 hex characters that depend only on the task ARN and the key. */
  static String stableHex(String taskArn, String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((taskArn + "\n" + key).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
