package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.service.DeploymentLimits;
import dev.ecsemulator.scheduler.service.ClassifiedTask.Phase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses the launches and stops of one reconcile: the rolling update under minimumHealthyPercent and
 * maximumPercent, scaling, and the replacement of unhealthy tasks (reference §4; ECS developer guide
 * {@code deployment-type-ecs.md} and the DeploymentConfiguration API reference).
 *
 * <p>Invariants, which the property tests check after every step:
 * <ul>
 *   <li>a launch never takes the service's active tasks (every task not yet STOPPED, over all
 *       deployments; a task being stopped still holds its slot) above {@link DeploymentLimits#maxTasks()};
 *   <li>a healthy task is never stopped when fewer than {@link DeploymentLimits#minHealthy()} healthy
 *       tasks would remain.
 * </ul>
 *
 * <p>Policy: the PRIMARY fills its slots (desiredCount of them; for DAEMON one per container instance)
 * as far as maximumPercent allows; tasks of older deployments are stopped, unhealthy and pending ones at
 * once, healthy ones as far as minimumHealthyPercent allows, and RUNNING ones not yet healthy only while
 * the healthy tasks left meet minimumHealthyPercent on their own. (minimumHealthyPercent is "a lower
 * limit on the number of your service's tasks that must remain in the RUNNING state during a deployment",
 * API_DeploymentConfiguration; the documentation says nothing of old tasks not yet healthy: we keep them
 * rather than let a deployment empty the service.) An UNHEALTHY PRIMARY task is
 * replaced start-first: its replacement is launched when maximumPercent allows, and it is stopped once
 * the replacement is healthy; when maximumPercent forbids the launch, unhealthy tasks are stopped first,
 * one at a time: the next only once the previous one is STOPPED and no PRIMARY task is still pending or
 * starting (the documented behaviour of minimumHealthyPercent, which says "one-by-one — using the
 * minimumHealthyPercent as a constraint"; <b>unverified</b>: how ECS applies that constraint to tasks
 * that are not healthy, we do not apply it).
 */
final class RolloutPlanner {

  /**
   * The decision.
   *
   * @param unfilled PRIMARY slots still empty after the launches
   * @param blockedByMax launches were wanted and allowed but maximumPercent held some back
   */
  record Result(
      List<TaskLaunch> launches, List<TaskStop> stops, Set<String> stoppedIds, int unfilled, boolean blockedByMax) {}

  /**
   * @param instances DAEMON only: the container instances, sorted, each wanting one PRIMARY task
   * @param launchesAllowed false while the PRIMARY is FAILED or the restart throttle holds launches
   * @param primaryFailed the PRIMARY is FAILED: it launches nothing and older deployments are held
   * @param heldDeploymentId the older deployment a traffic shift (blue/green, linear, canary) holds until its
   *     CLEAN_UP (blue), or null: it keeps its tasks but unhealthy ones, as under a FAILED PRIMARY
   * @param active the service's tasks that are not STOPPED
   */
  record Input(
      DeploymentLimits limits,
      boolean daemon,
      List<String> instances,
      Deployment primary,
      boolean launchesAllowed,
      boolean primaryFailed,
      String heldDeploymentId,
      List<ClassifiedTask> active,
      Ids ids) {}

  private RolloutPlanner() {}

  static Result plan(Input in) {
    String primaryId = in.primary().id();
    List<ClassifiedTask> primaryTasks = new ArrayList<>();
    List<ClassifiedTask> others = new ArrayList<>();
    for (ClassifiedTask v : in.active()) {
      (primaryId.equals(v.deploymentId()) ? primaryTasks : others).add(v);
    }
    Slots slots = in.daemon()
        ? daemonSlots(primaryTasks, in.instances())
        : replicaSlots(primaryTasks, in.limits().desiredCount());

    // Launches: fill empty PRIMARY slots while maximumPercent allows.
    List<TaskLaunch> launches = new ArrayList<>();
    int activeCount = in.active().size();
    int unfilled = slots.empty.size();
    if (in.launchesAllowed()) {
      for (String instance : slots.empty) {
        if (activeCount >= in.limits().maxTasks()) {
          break;
        }
        launches.add(new TaskLaunch(in.ids().taskId(), primaryId, in.primary().taskDefinition(), instance));
        activeCount++;
        unfilled--;
      }
    }
    boolean blockedByMax = in.launchesAllowed() && unfilled > 0;

    Stopper stopper = new Stopper(in.active(), in.limits().minHealthy(), primaryId);
    // PRIMARY tasks beyond its slots (scale-in, duplicates): the least useful first.
    slots.excess.stream().sorted(ClassifiedTask.KEEP_ORDER.reversed()).forEach(stopper::stop);
    stopUnhealthyPrimaryTasks(in, primaryTasks, slots, blockedByMax, !launches.isEmpty(), stopper);
    // Blue keeps the desired count of its tasks (the most useful); beyond it (the service scaled in) they go.
    List<ClassifiedTask> held = others.stream()
        .filter(v -> in.heldDeploymentId() != null && in.heldDeploymentId().equals(v.deploymentId()))
        .filter(v -> v.phase != Phase.STOPPING).sorted(ClassifiedTask.KEEP_ORDER)
        .limit(in.limits().desiredCount()).toList();
    stopOlderDeployments(true, held, stopper);
    stopOlderDeployments(in.primaryFailed(), others.stream().filter(v -> !held.contains(v)).toList(), stopper);
    return new Result(
        List.copyOf(launches), List.copyOf(stopper.stops), Set.copyOf(stopper.ids), unfilled, blockedByMax);
  }

  private static void stopUnhealthyPrimaryTasks(
      Input in, List<ClassifiedTask> primaryTasks, Slots slots, boolean blockedByMax, boolean launching,
      Stopper stopper) {
    List<ClassifiedTask> unhealthy =
        primaryTasks.stream().filter(v -> v.phase == Phase.UNHEALTHY).sorted(ClassifiedTask.OLDEST_FIRST).toList();
    if (unhealthy.isEmpty()) {
      return;
    }
    if (in.primaryFailed()) {
      unhealthy.forEach(stopper::stop);
      return;
    }
    if (in.daemon()) {
      // Replaced once its instance runs a healthy PRIMARY task (or the instance left the service).
      for (ClassifiedTask u : unhealthy) {
        ClassifiedTask kept = slots.keptByInstance.get(u.task.containerInstanceArn());
        if (!slots.keptByInstance.containsKey(u.task.containerInstanceArn())
            || kept != null && kept.phase == Phase.HEALTHY) {
          stopper.stop(u);
        }
      }
    } else {
      // As replacements become healthy, as many unhealthy tasks go as the healthy ones now cover.
      long healthyKept = slots.kept.stream().filter(v -> v.phase == Phase.HEALTHY).count();
      long covered = Math.min(unhealthy.size(), healthyKept + unhealthy.size() - in.limits().desiredCount());
      for (int i = 0; i < covered; i++) {
        stopper.stop(unhealthy.get(i));
      }
    }
    // maximumPercent forbids starting the replacement first: stop one unhealthy task, then wait until
    // it is gone and its replacement is up before the next one.
    boolean inFlight = launching
        || !stopper.stops.isEmpty()
        || in.active().stream().anyMatch(v -> v.phase == Phase.STOPPING)
        || primaryTasks.stream().anyMatch(v -> v.phase == Phase.PENDING || v.phase == Phase.STARTING);
    if (blockedByMax && !inFlight) {
      unhealthy.stream().filter(u -> !stopper.ids.contains(u.id())).findFirst().ifPresent(stopper::stop);
    }
  }

  private static void stopOlderDeployments(boolean held, List<ClassifiedTask> others, Stopper stopper) {
    List<ClassifiedTask> sorted =
        others.stream().filter(v -> v.phase != Phase.STOPPING).sorted(ClassifiedTask.OLDEST_FIRST).toList();
    if (held) {
      // The rollout is halted: older deployments keep their tasks, only failing ones go.
      sorted.stream().filter(v -> v.phase == Phase.UNHEALTHY).forEach(stopper::stop);
      return;
    }
    sorted.stream().filter(v -> v.phase == Phase.PENDING || v.phase == Phase.UNHEALTHY).forEach(stopper::stop);
    sorted.stream().filter(v -> v.phase == Phase.STARTING).forEach(stopper::stopIfCovered);
    sorted.stream().filter(v -> v.phase == Phase.HEALTHY).forEach(stopper::stop);
  }

  /** The PRIMARY's slots: the live tasks it keeps, the ones beyond, and the empty slots to fill. */
  private static final class Slots {
    final List<ClassifiedTask> kept = new ArrayList<>();
    final List<ClassifiedTask> excess = new ArrayList<>();
    /** One entry per empty slot: the container instance for DAEMON, null for REPLICA. */
    final List<String> empty = new ArrayList<>();
    /** DAEMON: per instance, the task kept there (null when none). */
    final Map<String, ClassifiedTask> keptByInstance = new LinkedHashMap<>();
  }

  private static Slots replicaSlots(List<ClassifiedTask> primaryTasks, int desired) {
    Slots slots = new Slots();
    primaryTasks.stream().filter(ClassifiedTask::live).sorted(ClassifiedTask.KEEP_ORDER).forEach(v ->
        (slots.kept.size() < desired ? slots.kept : slots.excess).add(v));
    for (int i = slots.kept.size(); i < desired; i++) {
      slots.empty.add(null);
    }
    return slots;
  }

  private static Slots daemonSlots(List<ClassifiedTask> primaryTasks, List<String> instances) {
    Slots slots = new Slots();
    instances.forEach(instance -> slots.keptByInstance.put(instance, null));
    primaryTasks.stream().filter(ClassifiedTask::live).sorted(ClassifiedTask.KEEP_ORDER).forEach(v -> {
      String instance = v.task.containerInstanceArn();
      if (slots.keptByInstance.containsKey(instance) && slots.keptByInstance.get(instance) == null) {
        slots.keptByInstance.put(instance, v);
        slots.kept.add(v);
      } else {
        slots.excess.add(v);
      }
    });
    slots.keptByInstance.forEach((instance, kept) -> {
      if (kept == null) {
        slots.empty.add(instance);
      }
    });
    return slots;
  }

  /** Collects stops, keeping at least minHealthy healthy tasks (and RUNNING ones while they fall short). */
  private static final class Stopper {
    final List<TaskStop> stops = new ArrayList<>();
    final Set<String> ids = new HashSet<>();
    final int minHealthy;
    final String primaryId;
    int healthy;

    Stopper(List<ClassifiedTask> active, int minHealthy, String primaryId) {
      this.healthy = (int) active.stream().filter(v -> v.phase == Phase.HEALTHY).count();
      this.minHealthy = minHealthy;
      this.primaryId = Objects.requireNonNull(primaryId);
    }

    void stop(ClassifiedTask v) {
      if (ids.contains(v.id())) {
        return;
      }
      if (v.phase == Phase.HEALTHY) {
        if (healthy - 1 < minHealthy) {
          return;
        }
        healthy--;
      }
      add(v);
    }

    /** Stops a task that is not (yet) healthy only if the healthy tasks already meet minHealthy. */
    void stopIfCovered(ClassifiedTask v) {
      if (!ids.contains(v.id()) && healthy >= minHealthy) {
        add(v);
      }
    }

    private void add(ClassifiedTask v) {
      ids.add(v.id());
      stops.add(v.phase == Phase.UNHEALTHY
          ? v.failedHealthChecksStop()
          : TaskStop.scalingActivity(v.id(), primaryId));
    }
  }
}
