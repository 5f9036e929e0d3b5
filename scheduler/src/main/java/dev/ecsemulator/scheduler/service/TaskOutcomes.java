package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.scheduler.service.ServiceMemory.TaskMemory;
import dev.ecsemulator.scheduler.service.ClassifiedTask.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads each task's outcome since the last reconcile, once per task: a successful launch, a task first
 * counted healthy, a task that failed (stopped before it was ever healthy, or failed its health checks),
 * and what that does to each deployment's {@code failedTasks} and to the restart throttle.
 *
 * <p>Rules (reference §4 and the brief of issue 5): {@code failedTasks} counts consecutive failures and
 * resets when a task of the deployment is first counted healthy; a failure is a task that stops before
 * it was ever counted healthy (unless the scheduler or a user stopped it), or a task that fails its
 * container health checks after the grace period. The throttle counts tasks that stop without ever
 * reaching RUNNING, plus tasks the caller could not place; a task reaching RUNNING or a new PRIMARY
 * resets it.
 */
final class TaskOutcomes {

  private static final Set<String> NOT_FAILURES = Set.of(TaskStop.SERVICE_SCHEDULER_INITIATED, "UserInitiated");

  /**
   * What the outcomes add up to.
   *
   * @param memories per task ID, what the next memory remembers of that task
   * @param failedTasks the new failedTasks per deployment ID (every deployment of the list)
   * @param unhealthyTaskIds tasks found failing health checks this time, in order
   * @param throttleReset the throttle was reset (a launch succeeded or the PRIMARY changed)
   */
  record Result(
      Map<String, TaskMemory> memories,
      Map<String, Integer> failedTasks,
      List<String> unhealthyTaskIds,
      int startFailures,
      Instant launchNotBefore,
      boolean throttleReset) {}

  private TaskOutcomes() {}

  /** @param deployments the service's, each with its failedTasks (as the service runner's check fills them in) */
  static Result read(
      ServiceMemory memory,
      List<ClassifiedTask> classified,
      List<Deployment> deployments,
      String primaryId,
      int unplacedTasks,
      Instant now) {
    Map<String, TaskMemory> memories = new HashMap<>();
    Map<String, Integer> failed = new HashMap<>();
    for (Deployment d : deployments) {
      failed.put(d.id(), d.failedTasks());
    }
    boolean launchSucceeded = false;
    List<ClassifiedTask> ordered = classified.stream().sorted(ClassifiedTask.OLDEST_FIRST).toList();

    // Pass 1: successes. A task first counted healthy resets its deployment's consecutive failures.
    for (ClassifiedTask v : ordered) {
      TaskMemory remembered = memory.tasks().getOrDefault(v.id(), TaskMemory.NEW);
      boolean running = v.task.everRunning();
      boolean healthy = remembered.seenHealthy() || v.provedHealthy();
      if (running && !remembered.seenRunning()) {
        launchSucceeded = true;
      }
      if (healthy && !remembered.seenHealthy() && failed.containsKey(v.deploymentId())) {
        failed.put(v.deploymentId(), 0);
      }
      memories.put(v.id(), new TaskMemory(remembered.seenRunning() || running, healthy, remembered.accounted()));
    }

    // Pass 2: failures, each task's end processed once.
    List<String> unhealthy = new ArrayList<>();
    int newStartFailures = unplacedTasks;
    for (ClassifiedTask v : ordered) {
      TaskMemory remembered = memories.get(v.id());
      if (remembered.accounted()) {
        continue;
      }
      if (v.phase == Phase.UNHEALTHY) {
        unhealthy.add(v.id());
        failed.computeIfPresent(v.deploymentId(), (id, n) -> n + 1);
        memories.put(v.id(), new TaskMemory(remembered.seenRunning(), remembered.seenHealthy(), true));
      } else if (v.phase == Phase.STOPPED) {
        memories.put(v.id(), new TaskMemory(remembered.seenRunning(), remembered.seenHealthy(), true));
        Instant stoppedAt = v.task.stoppedAt() != null ? v.task.stoppedAt() : now;
        // A task stopped without a stopCode (a record that lacks it) counts as a failure, as any other code.
        String stopCode = v.task.stopCode();
        if (stoppedAt.isBefore(memory.since()) || stopCode != null && NOT_FAILURES.contains(stopCode)) {
          continue;
        }
        if (!remembered.seenHealthy()) {
          failed.computeIfPresent(v.deploymentId(), (id, n) -> n + 1);
        }
        if (!v.task.everRunning()) {
          newStartFailures++;
        }
      }
    }

    // The restart throttle, per PRIMARY deployment.
    boolean primaryChanged = !primaryId.equals(memory.throttledFor());
    boolean reset = primaryChanged || launchSucceeded;
    int streak = reset ? 0 : memory.startFailures();
    Instant notBefore = reset ? null : memory.launchNotBefore();
    if (newStartFailures > 0) {
      streak += newStartFailures;
      if (RestartThrottle.throttles(streak)) {
        notBefore = now.plus(RestartThrottle.delayAfter(streak));
      }
    }
    return new Result(memories, failed, unhealthy, streak, notBefore, reset);
  }
}
