package dev.ecsemulator.scheduler.runtime;

import dev.ecsemulator.scheduler.runtime.ObservedContainer.Health;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.State;

/**
 * What Docker's container list ({@code GET /containers/json}) shows of one of our containers: enough to tell whether
 * it still is as last recorded, not what recording needs (exit code, OOM kill, times: those take an inspect).
 *
 * @param id the full Docker container ID
 * @param state its state, folded as an inspect's is ({@link State#ofDocker})
 * @param health its health check's status as the list's status text shows it; {@link Health.Status#NONE} when it
 *     has none (or is not running)
 */
public record ListedContainer(String id, State state, Health.Status health) {

  /**
   * The health in Docker's status text: {@code Up 4 seconds (healthy)}, {@code (unhealthy)}, {@code (health:
   * starting)}; no parenthesis when the container has no health check (moby {@code container/state.go} String).
   */
  public static Health.Status healthOf(String status) {
    if (status == null) {
      return Health.Status.NONE;
    }
    if (status.endsWith("(healthy)")) {
      return Health.Status.HEALTHY;
    }
    if (status.endsWith("(unhealthy)")) {
      return Health.Status.UNHEALTHY;
    }
    return status.endsWith("(health: starting)") ? Health.Status.STARTING : Health.Status.NONE;
  }
}
