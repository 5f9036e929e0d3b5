package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.Service;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reconcile decided for a service. Immutable. The caller applies it: records and starts the
 * launches, records and stops the stops, stores the service with {@link #applyTo}, prepends the events
 * (as {@code ServiceEvent}s with a new UUID and {@code createdAt} = the reconcile's {@code now}), keeps
 * {@link #memory} for the next reconcile, and reconciles again at {@link #wakeAt} at the latest.
 *
 * @param launches tasks to launch now, in order (each with its new task ID)
 * @param stops tasks to stop now, with ECS's stoppedReason and stopCode
 * @param deployments the service's new {@code deployments[]}, PRIMARY first: counts, rolloutState and
 *     reason updated; drained deployments removed; possibly a new rollback PRIMARY
 * @param runningCount the service's new {@code runningCount}
 * @param pendingCount the service's new {@code pendingCount} (including the launches)
 * @param events new service event messages in the order they happened (oldest first: the caller
 *     prepends them so that {@code events[]} is newest first, and keeps at most 100)
 * @param memory the bookkeeping to pass to the next reconcile of this service
 * @param wakeAt when the decision next changes by the clock alone (a task turns healthy 40 s after
 *     RUNNING, a grace period ends, the restart throttle lets launches go, a suppressed event may be
 *     repeated); empty when only a new observation can change it. The caller also reconciles whenever a
 *     task of the service changes state or the service is updated.
 * @param traffic for a BLUE_GREEN, LINEAR or CANARY service, where its traffic shift is: the caller records the stage
 *     on the PRIMARY's service deployment and sets the production and test listener rules' weights
 */
public record ServicePlan(
    List<TaskLaunch> launches,
    List<TaskStop> stops,
    List<Deployment> deployments,
    int runningCount,
    int pendingCount,
    List<String> events,
    ServiceMemory memory,
    Optional<Instant> wakeAt,
    TrafficShift.Decision traffic) {

  public ServicePlan {
    launches = List.copyOf(launches);
    stops = List.copyOf(stops);
    deployments = List.copyOf(deployments);
    events = List.copyOf(events);
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(wakeAt, "wakeAt");
    Objects.requireNonNull(traffic, "traffic");
  }

  /**
   * The service with this plan's deployments, counts and {@code taskDefinition} (the PRIMARY's, which
   * changes on a rollback). Events are not touched: they need IDs and timestamps from the caller.
   */
  public Service applyTo(Service service) {
    Service.Builder b = service.toBuilder()
        .deployments(deployments)
        .runningCount(runningCount)
        .pendingCount(pendingCount);
    if (!deployments.isEmpty()) {
      b.taskDefinition(deployments.get(0).taskDefinition());
    }
    return b.build();
  }

  /** Whether the plan changes no task (it may still update counts, deployments or events). */
  public boolean launchesOrStopsNothing() {
    return launches.isEmpty() && stops.isEmpty();
  }
}
