package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.model.Deployment;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The reconciler's own bookkeeping for one service: what the ECS shapes do not hold but the decision
 * needs. Immutable; each {@link ServicePlan} carries the next one, which the caller passes to the next
 * reconcile of the same service. Callers treat it as opaque.
 *
 * <p>Start a service (or an emulator restart) with {@link #startingAt(Instant)}: stopped tasks that
 * stopped before {@code since} are never counted as failures, so a fresh memory cannot trip the circuit
 * breaker on history it did not watch.
 *
 * @param since the instant this memory began
 * @param tasks per task ID, what the reconciler has already seen of that task; pruned to the observed
 *     tasks on every reconcile
 * @param startFailures consecutive tasks that failed to reach RUNNING (the restart throttle's streak)
 * @param launchNotBefore while throttled, the earliest instant of the next launch; else null
 * @param throttledFor the PRIMARY deployment the streak belongs to: a new PRIMARY resets the throttle
 * @param lastCompleted the last deployment that reached COMPLETED (the circuit breaker rolls back to
 *     it), or null
 * @param lastEmitted per repeatable event message (steady state, throttling, placement, deployment
 *     configuration), when it was last emitted: it is suppressed for 6 hours while its cause lasts
 * @param shift the traffic shift of a BLUE_GREEN, LINEAR or CANARY deployment under way (or finished last), else
 *     null (also in memory stored before it existed)
 */
public record ServiceMemory(
    Instant since,
    Map<String, TaskMemory> tasks,
    int startFailures,
    Instant launchNotBefore,
    String throttledFor,
    Deployment lastCompleted,
    Map<String, Instant> lastEmitted,
    TrafficShift shift) {

  public ServiceMemory {
    Objects.requireNonNull(since, "since");
    tasks = Map.copyOf(tasks);
    lastEmitted = Map.copyOf(lastEmitted);
  }

  /** An empty memory for a service first reconciled at {@code since}. */
  public static ServiceMemory startingAt(Instant since) {
    return new ServiceMemory(since, Map.of(), 0, null, null, null, Map.of(), null);
  }

  /**
   * What the reconciler has seen of one task.
   *
   * @param seenRunning it was seen RUNNING (a successful launch: resets the restart throttle)
   * @param seenHealthy it was counted healthy (resets its deployment's failedTasks)
   * @param accounted its end (stopped, or failed health checks) has been processed
   */
  public record TaskMemory(boolean seenRunning, boolean seenHealthy, boolean accounted) {
    static final TaskMemory NEW = new TaskMemory(false, false, false);
  }
}
