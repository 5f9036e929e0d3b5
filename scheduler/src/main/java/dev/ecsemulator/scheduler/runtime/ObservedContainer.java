package dev.ecsemulator.scheduler.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Docker says about one of our containers at one moment (from {@code docker inspect}).
 *
 * @param id the full Docker container ID (ECS {@code runtimeId})
 * @param name the Docker name, without Docker's leading slash
 * @param imageId the image ID the container runs ({@code sha256:...})
 * @param state CREATED, RUNNING or EXITED (see {@link State})
 * @param exitCode the exit code once {@link State#EXITED}, else null
 * @param oomKilled whether the kernel's OOM killer ended it; the only reliable way to tell an OOM kill
 *     (exit 137) from a stop's SIGKILL (also 137)
 * @param error Docker's {@code State.Error} (for example why a start failed), or null
 * @param health the Docker health check's state; {@link Health#NONE} when the container has none
 * @param startedAt when it last started, or null if it never did
 * @param finishedAt when it last exited, or null if it has not
 * @param ipAddress its address on the default bridge, or null (host, none and {@code container:}
 *     modes have none of their own: an awsvpc task's address is its sandbox's)
 * @param ports the published ports as bound by Docker
 * @param labels all its labels (the agent's {@code com.amazonaws.ecs.*} ones name the task and container)
 */
public record ObservedContainer(
    String id,
    String name,
    String imageId,
    State state,
    Integer exitCode,
    boolean oomKilled,
    String error,
    Health health,
    Instant startedAt,
    Instant finishedAt,
    String ipAddress,
    List<PortBinding> ports,
    Map<String, String> labels) {

  public ObservedContainer {
    ports = ports == null ? List.of() : List.copyOf(ports);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    health = health == null ? Health.NONE : health;
  }

  /** Docker's container states, folded to the three the ECS lifecycle distinguishes. */
  public enum State {
    /** Created (or restarting, paused) but not running: ECS PENDING. */
    CREATED,
    /** Running: ECS RUNNING. */
    RUNNING,
    /** Exited or dead: ECS STOPPED. */
    EXITED;

    /**
     * Docker's state word ({@code State.Status} of an inspect, {@code State} of the container list): running and
     * paused are RUNNING, exited, dead and removing EXITED, anything else (created, restarting, none) CREATED.
     */
    public static State ofDocker(String status) {
      if (status == null) {
        return CREATED;
      }
      return switch (status) {
        case "running", "paused" -> RUNNING;
        case "exited", "dead", "removing" -> EXITED;
        default -> CREATED;
      };
    }
  }

  /** The value of label {@code com.amazonaws.ecs.task-arn}, or null. */
  public String taskArn() {
    return labels.get(AgentLabels.TASK_ARN);
  }

  /** The value of label {@code com.amazonaws.ecs.container-name} (the task definition's name), or null. */
  public String containerName() {
    return labels.get(AgentLabels.CONTAINER_NAME);
  }

  /** Whether this is a task's sandbox (created by {@link ContainerRuntime#createSandbox}), not one of its containers. */
  public boolean sandbox() {
    return AgentLabels.PAUSE_CONTAINER_NAME.equals(containerName());
  }

  /**
   * Whether the container died of an OOM kill: {@link #oomKilled()} and exit code 137. Docker sets
   * {@code OOMKilled} on every container whose cgroup received an OOM notice, and with a task cgroup shared
   * by several containers the kernel notifies all of them, so a neighbour that later stops normally
   * (exit 143) also shows {@code OOMKilled}. ECS's {@code OutOfMemoryError} reason belongs to this one.
   */
  public boolean outOfMemory() {
    return oomKilled && exitCode != null && exitCode == 137;
  }

  public boolean running() {
    return state == State.RUNNING;
  }

  /**
   * A Docker health check's state.
   *
   * @param status NONE (no health check), STARTING, HEALTHY or UNHEALTHY
   * @param lastOutput the last probe's output, truncated to 1024 characters as the agent does, or null
   * @param lastExitCode the last probe's exit code, or null
   */
  public record Health(Status status, String lastOutput, Integer lastExitCode) {

    public static final Health NONE = new Health(Status.NONE, null, null);

    public enum Status { NONE, STARTING, HEALTHY, UNHEALTHY }
  }

  /**
   * One published port: {@code containerPort/protocol} bound on {@code hostIp:hostPort}.
   */
  public record PortBinding(int containerPort, String protocol, String hostIp, int hostPort) {}
}
