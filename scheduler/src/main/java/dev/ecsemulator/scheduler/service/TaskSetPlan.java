package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.TaskSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reconcile of an EXTERNAL service decided ({@link TaskSetReconciler}). Immutable. The caller applies it
 * as a {@link ServicePlan}: records and starts the launches ({@code deploymentId} is the task set's ID), records
 * and stops the stops, stores the service with {@link #applyTo} and the events prepended, and reconciles again at
 * {@link #wakeAt} at the latest.
 *
 * @param launches tasks to launch now, each for its task set
 * @param stops tasks to stop now, with ECS's stoppedReason and stopCode
 * @param taskSets the service's new {@code taskSets}: counts, computedDesiredCount and stability updated; a
 *     DRAINING set whose tasks are all gone removed
 * @param removedTaskSetArns the ARNs of the sets removed (their tags go with them)
 * @param runningCount the service's new {@code runningCount}
 * @param pendingCount the service's new {@code pendingCount} (including the launches)
 * @param events new service event messages, oldest first
 * @param wakeAt when the decision next changes by the clock alone (a grace period ends), or empty
 */
public record TaskSetPlan(
    List<TaskLaunch> launches,
    List<TaskStop> stops,
    List<TaskSet> taskSets,
    List<String> removedTaskSetArns,
    int runningCount,
    int pendingCount,
    List<String> events,
    Optional<Instant> wakeAt) {

  public TaskSetPlan {
    launches = List.copyOf(launches);
    stops = List.copyOf(stops);
    taskSets = List.copyOf(taskSets);
    removedTaskSetArns = List.copyOf(removedTaskSetArns);
    events = List.copyOf(events);
    Objects.requireNonNull(wakeAt, "wakeAt");
  }

  /** The launched and stopped task IDs, for a glance at whether the plan changes any task. */
  public List<String> launchesAndStops() {
    return java.util.stream.Stream.concat(launches.stream().map(TaskLaunch::taskId), stops.stream().map(TaskStop::taskId))
        .toList();
  }

  /** The service with this plan's task sets and counts. Events are not touched. */
  public Service applyTo(Service service) {
    return service.toBuilder().taskSets(taskSets).runningCount(runningCount).pendingCount(pendingCount).build();
  }
}
