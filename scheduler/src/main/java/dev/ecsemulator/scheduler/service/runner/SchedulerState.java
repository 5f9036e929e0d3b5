package dev.ecsemulator.scheduler.service.runner;

import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.scheduler.service.ServiceMemory;
import java.time.Instant;
import java.util.Objects;

/**
 * What the engine keeps per service between reconciles, in the store (so that it survives with the
 * state): the reconciler's memory and how many launches of the last plan could not be placed.
 *
 * @param serviceCreatedAt the {@code createdAt} of the service this state belongs to: a new service with
 *     the name of an INACTIVE one starts afresh
 * @param memory the last plan's memory
 * @param unplacedTasks launches of the last plan that TaskCreation could not place for lack of resources
 *     (RESOURCE:*, or no usable capacity provider); the next observation counts them as tasks that failed
 *     to start
 * @param waitingForAgent launches of the last plan that could not be placed because the Docker engine did
 *     not answer (AGENT); reported, not counted as failures. Null in state saved before it existed.
 */
public record SchedulerState(Instant serviceCreatedAt, ServiceMemory memory, int unplacedTasks, Integer waitingForAgent) {

  /** Key: {@link dev.ecsemulator.core.EcsKinds#serviceKey}. The kind name is durable: never rename it. */
  public static final Kind<SchedulerState> KIND = Kind.of("service-scheduler-state", SchedulerState.class);

  public SchedulerState {
    Objects.requireNonNull(memory, "memory");
  }

  /** The state of a service first reconciled at {@code now}. */
  public static SchedulerState fresh(Service service, Instant now) {
    return new SchedulerState(service.createdAt(), ServiceMemory.startingAt(now), 0, 0);
  }

  /** {@link #waitingForAgent}, 0 when unknown. */
  public int launchesWaitingForAgent() {
    return waitingForAgent == null ? 0 : waitingForAgent;
  }

  /** Whether this state belongs to {@code service} (and not to an earlier service of the same name). */
  public boolean belongsTo(Service service) {
    return Objects.equals(serviceCreatedAt, service.createdAt());
  }
}
