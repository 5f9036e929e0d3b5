package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.service.DeploymentLimits;
import dev.ecsemulator.core.service.Deployments;
import dev.ecsemulator.core.service.RolloutState;
import dev.ecsemulator.scheduler.service.ClassifiedTask.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Brings the deployments list up to date with a plan: each deployment's counts, the removal of
 * replaced deployments once drained, and the PRIMARY's completion.
 *
 * <p>Counts describe the state once the plan is applied: {@code pendingCount} includes the tasks it
 * launches; otherwise they follow {@link TaskCounts}. {@code desiredCount} is the scheduler's current
 * target for the deployment (reference §4): for an older deployment, its tasks that are not being
 * stopped; for the PRIMARY, as many of the service's tasks as maximumPercent leaves it beside the older
 * deployments' tasks, at least its own and at most the service's desiredCount (so 0 right after an
 * update at 50/100, the full count at 100/200); a FAILED PRIMARY's target is its own tasks.
 * <b>Unverified</b>: ECS's exact formula.
 */
final class DeploymentProgress {

  /** The new list (PRIMARY first) and whether the PRIMARY completed now. */
  record Result(List<Deployment> deployments, boolean completed) {}

  private DeploymentProgress() {}

  static Result settle(
      List<Deployment> deployments,
      List<ClassifiedTask> active,
      RolloutPlanner.Result plan,
      DeploymentLimits limits,
      Instant now) {
    Deployment primary = deployments.get(0);
    long othersActive = active.stream().filter(v -> !primary.id().equals(v.deploymentId())).count();
    List<Deployment> result = new ArrayList<>();
    for (Deployment d : deployments) {
      boolean isPrimary = d == primary;
      List<ClassifiedTask> mine = active.stream().filter(v -> d.id().equals(v.deploymentId())).toList();
      long launched = plan.launches().stream().filter(l -> d.id().equals(l.deploymentId())).count();
      if (!isPrimary && mine.isEmpty() && launched == 0) {
        continue; // drained: replaced deployments disappear from the list
      }
      TaskCounts counts = TaskCounts.of(mine.stream().map(v -> v.task).toList()).plusPending(launched);
      int liveAfter = (int) (launched
          + mine.stream().filter(v -> v.live() && !plan.stoppedIds().contains(v.id())).count());
      int desired = liveAfter;
      if (isPrimary && !RolloutState.FAILED.is(d.rolloutState())) {
        desired = (int) Math.min(limits.desiredCount(), Math.max(liveAfter, limits.maxTasks() - othersActive));
      }
      result.add(withCounts(d, desired, counts, now));
    }
    boolean completed = RolloutState.IN_PROGRESS.is(primary.rolloutState())
        && result.size() == 1
        && othersActive == 0
        && plan.launches().isEmpty()
        && plan.stops().isEmpty()
        && active.size() == limits.desiredCount()
        && active.stream().allMatch(v -> v.phase == Phase.HEALTHY);
    if (completed) {
      result.set(0, result.get(0).toBuilder()
          .rolloutState(RolloutState.COMPLETED.name())
          .rolloutStateReason(Deployments.completedReason(primary.id()))
          .updatedAt(now)
          .build());
    }
    return new Result(List.copyOf(result), completed);
  }

  private static Deployment withCounts(Deployment d, int desired, TaskCounts counts, Instant now) {
    if (Objects.equals(d.desiredCount(), desired)
        && Objects.equals(d.runningCount(), counts.running())
        && Objects.equals(d.pendingCount(), counts.pending())) {
      return d;
    }
    return d.toBuilder()
        .desiredCount(desired)
        .runningCount(counts.running())
        .pendingCount(counts.pending())
        .updatedAt(now)
        .build();
  }
}
