package dev.ecsemulator.scheduler.service.runner;

import static dev.ecsemulator.core.EcsKinds.SERVICE;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.instance.HostResources;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.TaskSet;
import dev.ecsemulator.core.service.ServiceStatus;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.tag.ResourceTagging;
import dev.ecsemulator.scheduler.service.ObservedTask;
import dev.ecsemulator.scheduler.service.TaskLaunch;
import dev.ecsemulator.scheduler.service.TaskSetPlan;
import dev.ecsemulator.scheduler.service.TaskSetReconciler;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass over one EXTERNAL service, inside the {@link ServiceRunner}'s store write: decide ({@link
 * TaskSetReconciler}) and record the plan: new tasks through the same launcher as a deployment's (a task set
 * carries the same launch settings), stop requests, the task sets, counts and events; a DRAINING service whose
 * tasks are all down becomes INACTIVE. Stateless apart from its collaborators.
 */
final class TaskSetPass {

  private final TaskSetReconciler reconciler;
  private final ServiceTaskLauncher launcher;
  private final Ids ids;
  private final Duration placementRetry;

  TaskSetPass(TaskSetReconciler reconciler, ServiceTaskLauncher launcher, Ids ids, Duration placementRetry) {
    this.reconciler = reconciler;
    this.launcher = launcher;
    this.ids = ids;
    this.placementRetry = placementRetry;
  }

  /**
   * @param service the service as planning sees it ({@link ServiceRecords#check}): desiredCount present
   * @param tasks its tasks as observed
   */
  ServiceRunner.Result run(StateTxn txn, ServiceRef ref, Service service, Cluster cluster, List<ObservedTask> tasks,
      HostResources host, Instant now) {
    TaskSetPlan plan = reconciler.reconcile(service, tasks, now);
    Map<String, Integer> unplaced = new HashMap<>();
    for (TaskLaunch launch : plan.launches()) {
      TaskSet set = plan.taskSets().stream().filter(t -> t.id().equals(launch.deploymentId())).findFirst().orElseThrow();
      if (!launcher.launch(txn, ref, cluster, service, asDeployment(set), launch, host, now)) {
        unplaced.merge(set.id(), 1, Integer::sum);
      }
    }
    ServiceRunner.requestStops(txn, ref, plan.stops(), now);
    plan.removedTaskSetArns().forEach(arn -> ResourceTagging.remove(txn, arn));

    Service next = ServiceRunner.withEvents(withoutUnplaced(plan.applyTo(service), unplaced), plan.events(), now, ids);
    if (ServiceStatus.DRAINING.is(service.status()) && plan.launches().isEmpty()
        && ServiceRunner.drained(ServiceRunner.observedTasks(txn, ref))) {
      next = ServiceRunner.inactive(next).toBuilder()
          .taskSets(next.taskSets().stream().map(t -> t.toBuilder().runningCount(0).pendingCount(0).build()).toList())
          .build();
    }
    String key = ref.storeKey();
    if (!Optional.of(next).equals(txn.get(SERVICE, key))) {
      txn.put(SERVICE, key, next);
    }
    Optional<Instant> wake = plan.wakeAt();
    if (!unplaced.isEmpty()) {
      Instant retry = now.plus(placementRetry);
      wake = Optional.of(wake.filter(w -> w.isBefore(retry)).orElse(retry));
    }
    return new ServiceRunner.Result(wake, !ServiceStatus.INACTIVE.is(next.status()));
  }

  /** What the launcher needs of a task set: what a deployment of the same settings would hold. */
  private static Deployment asDeployment(TaskSet set) {
    return Deployment.builder()
        .id(set.id())
        .taskDefinition(set.taskDefinition())
        .launchType(set.launchType())
        .capacityProviderStrategy(set.capacityProviderStrategy())
        .platformVersion(set.platformVersion())
        .networkConfiguration(set.networkConfiguration())
        .build();
  }

  /** Launches that could not be placed are not pending (they are retried after the placement delay). */
  private static Service withoutUnplaced(Service service, Map<String, Integer> unplaced) {
    if (unplaced.isEmpty()) {
      return service;
    }
    int total = unplaced.values().stream().mapToInt(Integer::intValue).sum();
    return service.toBuilder()
        .pendingCount(Math.max(0, service.pendingCount() - total))
        .taskSets(service.taskSets().stream()
            .map(t -> unplaced.containsKey(t.id())
                ? t.toBuilder().pendingCount(Math.max(0, t.pendingCount() - unplaced.get(t.id()))).build()
                : t)
            .toList())
        .build();
  }
}
