package dev.ecsemulator.scheduler.service.runner;

import static dev.ecsemulator.core.EcsKinds.CLUSTER;
import static dev.ecsemulator.core.EcsKinds.SERVICE;
import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.instance.ContainerInstanceStatus;
import dev.ecsemulator.core.instance.ContainerInstances;
import dev.ecsemulator.core.instance.HostResources;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceEvent;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.service.DeploymentControllerType;
import dev.ecsemulator.core.service.SchedulingStrategy;
import dev.ecsemulator.core.service.ServiceHistory;
import dev.ecsemulator.core.service.ServiceStatus;
import dev.ecsemulator.core.service.TaskLoadBalancers;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.task.TaskLifecycle;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.scheduler.service.ObservedTask;
import dev.ecsemulator.scheduler.service.ServiceObservation;
import dev.ecsemulator.scheduler.service.ServicePlan;
import dev.ecsemulator.scheduler.service.ServiceReconciler;
import dev.ecsemulator.scheduler.service.TaskLaunch;
import dev.ecsemulator.scheduler.service.TaskSetReconciler;
import dev.ecsemulator.scheduler.service.TaskStop;
import dev.ecsemulator.scheduler.task.TaskRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass over one service: one reconcile inside one store transaction: observe (the service, its tasks, for DAEMON
 * the cluster's instances), decide ({@link ServiceReconciler}), and record the plan (new tasks, stop
 * requests, deployments, counts, events, history, the reconciler's memory). Deciding inside the write
 * means the plan can never act on a stale observation; the decision is pure and quick, so the scope's
 * lock is held briefly. Thread-safe (stateless apart from its collaborators), but the caller must run at
 * most one pass per service at a time.
 */
final class ServiceRunner {

  /** DescribeServices keeps the newest 100 events (reference §4). */
  static final int MAX_EVENTS = 100;

  /**
   * What the engine does next for the service.
   *
   * @param gaps what the stored service lacks for planning ({@link ServiceRecords#gaps}): then nothing was
   *     planned or written; empty otherwise
   */
  record Result(Optional<Instant> wakeAt, boolean live, List<String> gaps) {
    static final Result GONE = new Result(Optional.empty(), false, List.of());

    Result(Optional<Instant> wakeAt, boolean live) {
      this(wakeAt, live, List.of());
    }

    static Result unplannable(List<String> gaps) {
      return new Result(Optional.empty(), true, List.copyOf(gaps));
    }
  }

  private final ServiceReconciler reconciler;
  private final ServiceTaskLauncher launcher;
  private final Ids ids;
  private final String emulatorId;
  private final Duration placementRetry;
  private final TaskSetPass taskSets;

  ServiceRunner(ServiceReconciler reconciler, ServiceTaskLauncher launcher, Ids ids, String emulatorId,
      Duration placementRetry) {
    this.taskSets = new TaskSetPass(new TaskSetReconciler(ids), launcher, ids, placementRetry);
    this.reconciler = reconciler;
    this.launcher = launcher;
    this.ids = ids;
    this.emulatorId = emulatorId;
    this.placementRetry = placementRetry;
  }

  Result run(StateTxn txn, ServiceRef ref, HostResources host, Instant now) {
    String key = ref.storeKey();
    Optional<Service> found = txn.get(SERVICE, key);
    if (found.isEmpty()) {
      txn.remove(SchedulerState.KIND, key);
      return Result.GONE;
    }
    Service service = found.get();
    if (ServiceStatus.INACTIVE.is(service.status())) {
      return Result.GONE;
    }
    ServiceRecords.Check check = ServiceRecords.PLANNABLE.check(ref.scope(), service, txn);
    if (!check.complete()) {
      return Result.unplannable(check.gaps());
    }
    SchedulerState state = txn.get(SchedulerState.KIND, key)
        .filter(s -> s.belongsTo(service))
        .orElseGet(() -> SchedulerState.fresh(service, now));
    Cluster cluster = txn.get(CLUSTER, ref.clusterName()).orElse(null);

    List<ObservedTask> tasks = ServiceTaskTargets.observe(txn, ref, service, observedTasks(txn, ref));
    if (DeploymentControllerType.external(service)) {
      return taskSets.run(txn, ref, check.service(), cluster, tasks, host, now);
    }
    boolean daemon = SchedulingStrategy.DAEMON.is(service.schedulingStrategy());
    List<String> instances = daemon ? instances(txn, ref, host, now) : List.of();
    ServicePlan plan = reconciler.reconcile(check.service(), state.memory(),
        new ServiceObservation(tasks, instances, state.unplacedTasks(), state.launchesWaitingForAgent()), now);

    Map<String, Integer> unplaced = new HashMap<>();
    for (TaskLaunch launch : plan.launches()) {
      Deployment deployment = plan.deployments().stream()
          .filter(d -> d.id().equals(launch.deploymentId())).findFirst().orElseThrow();
      if (!launcher.launch(txn, ref, cluster, service, deployment, launch, host, now)) {
        unplaced.merge(launch.deploymentId(), 1, Integer::sum);
      }
    }
    // Without an engine every launch fails placement (AGENT, as for a disconnected agent): not the tasks'
    // fault, so not counted against the restart throttle.
    boolean agentDown = !host.connected();
    requestStops(txn, ref, plan.stops(), now);

    Service next = withEvents(withoutUnplaced(plan.applyTo(service), unplaced), plan.events(), now, ids);
    if (ServiceStatus.DRAINING.is(service.status()) && plan.launches().isEmpty() && drained(observedTasks(txn, ref))) {
      // Model docs of DeleteService: INACTIVE once every task is STOPPING or STOPPED (stop requests included).
      // Nothing runs or waits any more, and an INACTIVE service is not reconciled again: zero its counts.
      next = inactive(next).toBuilder()
          .deployments(next.deployments().stream()
              .map(d -> d.toBuilder().runningCount(0).pendingCount(0).build())
              .toList())
          .build();
    }
    if (!next.equals(service)) {
      txn.put(SERVICE, key, next);
    }
    ServiceHistory.sync(txn, next, now);
    ServiceTraffic.apply(txn, next, plan.traffic(), now);
    int unplacedTotal = unplaced.values().stream().mapToInt(Integer::intValue).sum();
    SchedulerState nextState = new SchedulerState(service.createdAt(), plan.memory(), agentDown ? 0 : unplacedTotal,
        agentDown ? unplacedTotal : 0);
    if (!txn.get(SchedulerState.KIND, key).equals(Optional.of(nextState))) {
      txn.put(SchedulerState.KIND, key, nextState);
    }
    Optional<Instant> wake = plan.wakeAt();
    if (unplacedTotal > 0) {
      Instant retry = now.plus(placementRetry);
      wake = Optional.of(wake.filter(w -> w.isBefore(retry)).orElse(retry));
    }
    return new Result(wake, !ServiceStatus.INACTIVE.is(next.status()));
  }

  /** Asks each planned stop's task to stop (desiredStatus STOPPED with the plan's reason and code). */
  static void requestStops(StateTxn txn, ServiceRef ref, List<TaskStop> stops, Instant now) {
    for (TaskStop stop : stops) {
      String taskKey = EcsKinds.taskKey(ref.clusterName(), stop.taskId());
      // A record the task engine cannot run is never planned to stop (it is observed stopping already).
      txn.get(TASK, taskKey).filter(task -> TaskRecords.gaps(task).isEmpty()).ifPresent(task -> {
        Task stopping = TaskLifecycle.requestStop(task, stop.stopCode(), stop.stoppedReason(), now,
            TaskLoadBalancers.registers(txn, ref.clusterName(), task));
        if (!stopping.equals(task)) {
          txn.put(TASK, taskKey, stopping);
        }
      });
    }
  }

  /** A DRAINING service whose tasks are all down: INACTIVE, counting nothing. */
  static Service inactive(Service service) {
    return service.toBuilder().status(ServiceStatus.INACTIVE.name()).runningCount(0).pendingCount(0).build();
  }

  /**
   * The service's tasks as the reconciler sees them: every task of its cluster (by store key, which also
   * gives the task ID, whatever the record lacks) in group {@code service:NAME}. Also what {@link ServiceRecount}
   * counts.
   */
  static List<ObservedTask> observedTasks(StateView txn, ServiceRef ref) {
    String prefix = EcsKinds.clusterKeyPrefix(ref.clusterName());
    Map<String, Boolean> healthChecks = new HashMap<>();
    List<ObservedTask> observed = new ArrayList<>();
    for (String key : txn.keys(TASK)) {
      if (!key.startsWith(prefix)) {
        continue;
      }
      Task task = txn.get(TASK, key).orElse(null);
      if (task == null || !ref.taskGroup().equals(task.group())) {
        continue;
      }
      String arn = task.taskDefinitionArn();
      boolean checks = arn != null && healthChecks.computeIfAbsent(arn, a -> TaskRecords.definitionKey(ref.scope(), a)
          .flatMap(k -> txn.get(EcsKinds.TASK_DEFINITION, k)).map(ObservedTask::hasHealthChecks).orElse(false));
      observed.add(ObservedTask.ofStored(key.substring(prefix.length()), task, checks));
    }
    return observed;
  }

  /** The cluster's ACTIVE container instances; the local engine is one of them once asked for. */
  private List<String> instances(StateTxn txn, ServiceRef ref, HostResources host, Instant now) {
    ContainerInstances.ensureLocal(txn, ref.scope(), ref.clusterName(), emulatorId, host, now);
    return ContainerInstances.inCluster(txn, ref.clusterName()).stream()
        .filter(ci -> ContainerInstanceStatus.ACTIVE.is(ci.status()))
        .map(ContainerInstance::containerInstanceArn)
        .toList();
  }

  /** Launches that could not be placed are not pending: take them out of the counts. */
  private static Service withoutUnplaced(Service service, Map<String, Integer> unplaced) {
    if (unplaced.isEmpty()) {
      return service;
    }
    int total = unplaced.values().stream().mapToInt(Integer::intValue).sum();
    List<Deployment> deployments = service.deployments().stream()
        .map(d -> unplaced.containsKey(d.id())
            ? d.toBuilder().pendingCount(Math.max(0, d.pendingCount() - unplaced.get(d.id()))).build()
            : d)
        .toList();
    return service.toBuilder()
        .deployments(deployments)
        .pendingCount(Math.max(0, service.pendingCount() - total))
        .build();
  }

  /** Prepends the plan's events (given oldest first) so that {@code events[]} is newest first, at most 100. */
  static Service withEvents(Service service, List<String> messages, Instant now, Ids ids) {
    if (messages.isEmpty()) {
      return service;
    }
    List<ServiceEvent> events = new ArrayList<>();
    for (int i = messages.size() - 1; i >= 0; i--) {
      events.add(ServiceEvent.builder().id(ids.uuid()).createdAt(now).message(messages.get(i)).build());
    }
    if (service.events() != null) {
      events.addAll(service.events());
    }
    return service.toBuilder().events(events.size() > MAX_EVENTS ? events.subList(0, MAX_EVENTS) : events).build();
  }

  /**
   * Every task of the service has reached STOPPING (or later), or is a record the task engine stops (its
   * observed task says STOPPING when it has no lastStatus the scheduler knows).
   */
  static boolean drained(List<ObservedTask> tasks) {
    return tasks.stream().noneMatch(t -> TaskRecords.lastStatus(t.lastStatus())
        .map(TaskStatus.STOPPING::isAfter).orElse(false));
  }
}
