package dev.ecsemulator.scheduler.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * One Docker event about one of our containers, or a notice that the stream was interrupted.
 *
 * @param kind what happened
 * @param containerId the Docker container ID (null for {@link Kind#STREAM_RESUMED})
 * @param time when Docker says it happened (nanosecond precision)
 * @param exitCode for {@link Kind#DIE}: the exit code, else null
 * @param health for {@link Kind#HEALTH_STATUS}: the new status, else null
 * @param attributes the event's actor attributes: the container's labels, its {@code name} and {@code image}
 */
public record ContainerEvent(
    Kind kind,
    String containerId,
    Instant time,
    Integer exitCode,
    ObservedContainer.Health.Status health,
    Map<String, String> attributes) {

  public ContainerEvent {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public enum Kind {
    /** The container started. */
    START,
    /** The container's main process exited (any cause: exit, stop, kill, OOM). */
    DIE,
    /** The kernel's OOM killer hit the container's cgroup; a {@link #DIE} follows if it was killed. */
    OOM,
    /** The Docker health check changed status. */
    HEALTH_STATUS,
    /**
     * The event stream broke (for example the engine restarted) and is connected again. Events may have
     * been missed: the listener should resync from {@link ContainerRuntime#listManaged()}.
     */
    STREAM_RESUMED
  }

  /** The value of label {@code com.amazonaws.ecs.task-arn}, or null. */
  public String taskArn() {
    return attributes.get(AgentLabels.TASK_ARN);
  }

  /** The value of label {@code com.amazonaws.ecs.container-name}, or null. */
  public String containerName() {
    return attributes.get(AgentLabels.CONTAINER_NAME);
  }
}
