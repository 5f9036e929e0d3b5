package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.TaskSet;
import dev.ecsemulator.core.service.ServiceStatus;
import dev.ecsemulator.core.service.StabilityStatus;
import dev.ecsemulator.core.service.TaskSetStatus;
import dev.ecsemulator.core.service.TaskSets;
import dev.ecsemulator.scheduler.service.ClassifiedTask.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service scheduler's decision for a service of the EXTERNAL deployment controller: {@code plan =
 * reconcile(service, observed, now)}, pure like {@link ServiceReconciler}. The external controller does the
 * deploying; the scheduler only keeps each task set at its size:
 * <ul>
 *   <li>each set runs its {@code computedDesiredCount} (ceil of the service's desiredCount × the set's scale; 0 for
 *       a DRAINING set or a DRAINING service) of tasks, {@code startedBy} the set's ID: missing ones are launched
 *       (a stopped task is replaced), the surplus stopped (the least healthy, then newest, first), and a task
 *       UNHEALTHY past the grace period stopped and replaced, as a service's;
 *   <li>a task of no set of the service (its set was removed) is stopped;
 *   <li>a DRAINING set whose tasks have all stopped leaves the service;
 *   <li>each set reports its runningCount and pendingCount ({@link TaskCounts}'s rule) and its {@code
 *       stabilityStatus}: STEADY_STATE when "runningCount is equal to the computedDesiredCount", "pendingCount is
 *       0" and "all tasks are reporting a healthy status" (Model docs of TaskSet.stabilityStatus), nothing being
 *       launched or stopped; else STABILIZING. {@code stabilityStatusAt} is when it last changed, {@code updatedAt}
 *       when anything of the set last changed.
 * </ul>
 * Unlike a rolling update there is no minimumHealthyPercent or maximumPercent between sets (the controller sets
 * the scales), no circuit breaker and no restart throttle. A task counts as healthy once RUNNING without
 * container health checks (no 40 s rule: that is a rolling update's), else when its containers are HEALTHY.
 *
 * <p>Thread-safe: holds no state but the {@link Ids}.
 */
public final class TaskSetReconciler {

  private final Ids ids;

  public TaskSetReconciler(Ids ids) {
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /**
   * Decides what to do for the EXTERNAL {@code service} at {@code now}.
   *
   * @param service the service as stored (taskSets, desiredCount, status, serviceName,
   *     healthCheckGracePeriodSeconds); desiredCount present
   * @param tasks every task of the service the store holds (group {@code service:NAME}), STOPPED ones included
   * @param now the instant of this decision
   */
  public TaskSetPlan reconcile(Service service, List<ObservedTask> tasks, Instant now) {
    Duration grace = Duration.ofSeconds(Math.max(0, service.healthCheckGracePeriodSeconds() == null
        ? 0 : service.healthCheckGracePeriodSeconds()));
    List<ClassifiedTask> classified = tasks.stream().map(t -> ClassifiedTask.classify(t, grace, now)).toList();
    int desired = ServiceStatus.ACTIVE.is(service.status()) ? service.desiredCount() : 0;
    List<TaskLaunch> launches = new ArrayList<>();
    List<TaskStop> stops = new ArrayList<>();
    List<TaskSet> kept = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (TaskSet set : TaskSets.of(service)) {
      List<ClassifiedTask> own = classified.stream()
          .filter(v -> set.id().equals(v.deploymentId()) && v.active()).toList();
      int computed = TaskSets.computedDesiredCount(set, desired);
      if (TaskSetStatus.DRAINING.is(set.status()) && own.isEmpty()) {
        removed.add(set.taskSetArn());
        continue;
      }
      List<TaskStop> setStops = stopsFor(set, own, computed);
      List<TaskLaunch> setLaunches = new ArrayList<>();
      long live = own.stream().filter(ClassifiedTask::live).count();
      for (long i = live; i < computed; i++) {
        setLaunches.add(new TaskLaunch(ids.taskId(), set.id(), set.taskDefinition(), null));
      }
      stops.addAll(setStops);
      launches.addAll(setLaunches);
      kept.add(observed(set, own, computed, setLaunches.size(), setStops.isEmpty() && setLaunches.isEmpty(), now));
    }
    Set<String> setIds = TaskSets.of(service).stream().map(TaskSet::id).collect(Collectors.toSet());
    classified.stream()
        .filter(v -> v.live() && !setIds.contains(v.deploymentId()))
        .forEach(v -> stops.add(TaskStop.scalingActivity(v.id(), String.valueOf(v.deploymentId()))));

    List<String> events = new ArrayList<>();
    if (!stops.isEmpty()) {
      events.add(ServiceEvents.stopped(service.serviceName(), stops.stream().map(TaskStop::taskId).toList()));
    }
    if (!launches.isEmpty()) {
      events.add(ServiceEvents.started(service.serviceName(), launches.stream().map(TaskLaunch::taskId).toList()));
    }
    TaskCounts counts = TaskCounts.of(tasks).plusPending(launches.size());
    Optional<Instant> wakeAt = classified.stream().map(v -> v.changesAt)
        .filter(Objects::nonNull).filter(t -> t.isAfter(now)).min(Comparator.naturalOrder());
    return new TaskSetPlan(launches, stops, kept, removed, counts.running(), counts.pending(), events, wakeAt);
  }

  /** UNHEALTHY tasks past the grace period, then the surplus over {@code computed}: least healthy, newest first. */
  private static List<TaskStop> stopsFor(TaskSet set, List<ClassifiedTask> own, int computed) {
    List<TaskStop> stops = new ArrayList<>();
    own.stream().filter(v -> v.phase == Phase.UNHEALTHY).forEach(v -> stops.add(v.failedHealthChecksStop()));
    List<ClassifiedTask> live = own.stream().filter(ClassifiedTask::live).sorted(ClassifiedTask.KEEP_ORDER).toList();
    for (int i = live.size() - 1; i >= computed; i--) {
      stops.add(TaskStop.scalingActivity(live.get(i).id(), set.id()));
    }
    return stops;
  }

  /** The set with its counts and stability as observed (launches count as pending). */
  private static TaskSet observed(TaskSet set, List<ClassifiedTask> own, int computed, int launched, boolean settled,
      Instant now) {
    int running = (int) own.stream().filter(ClassifiedTask::lastStatusRunning).count();
    int pending = (int) own.stream().filter(ClassifiedTask::lastStatusPending).count() + launched;
    boolean steady = settled && running == computed && pending == 0 && own.size() == computed
        && own.stream().allMatch(TaskSetReconciler::healthy);
    String stability = (steady ? StabilityStatus.STEADY_STATE : StabilityStatus.STABILIZING).name();
    TaskSet.Builder next = set.toBuilder().computedDesiredCount(computed).runningCount(running).pendingCount(pending);
    if (!stability.equals(set.stabilityStatus())) {
      next.stabilityStatus(stability).stabilityStatusAt(now);
    }
    TaskSet result = next.build();
    return result.equals(set) ? set : result.toBuilder().updatedAt(now).build();
  }

  /** Healthy for the set's stability: HEALTHY, or RUNNING without container health checks or load balancer. */
  private static boolean healthy(ClassifiedTask v) {
    return v.phase == Phase.HEALTHY
        || v.phase == Phase.STARTING && !v.task.hasHealthChecks() && v.task.targets() == null;
  }
}
