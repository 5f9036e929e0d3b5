package dev.ecsemulator.core.task;

import dev.ecsemulator.core.model.NetworkBinding;
import java.time.Instant;
import java.util.List;

/**
 * What the runtime saw of one container of a task, in ECS terms. Built by the scheduler from Docker's
 * state; consumed by {@link TaskLifecycle}, which never sees Docker.
 *
 * @param state PENDING (not created, created or starting), RUNNING, or STOPPED (exited or gone)
 * @param exitCode set once STOPPED when Docker reported one
 * @param oomKilled Docker's {@code State.OOMKilled}: tells an OOM kill from a stop (both exit 137)
 * @param healthStatus HEALTHY, UNHEALTHY or UNKNOWN (no health check, or still starting)
 * @param reason an ECS container reason for a failure the runtime diagnosed itself
 *     (e.g. {@code CannotStartContainerError: ...}), else null
 */
public record ContainerObservation(
    String name,
    String runtimeId,
    State state,
    Integer exitCode,
    boolean oomKilled,
    String healthStatus,
    Instant startedAt,
    Instant finishedAt,
    List<NetworkBinding> networkBindings,
    String reason) {

  public enum State { PENDING, RUNNING, STOPPED }

  public ContainerObservation {
    networkBindings = networkBindings == null ? List.of() : List.copyOf(networkBindings);
  }
}
