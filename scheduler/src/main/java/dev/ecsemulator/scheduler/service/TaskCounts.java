package dev.ecsemulator.scheduler.service;

import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.TaskSet;
import dev.ecsemulator.core.task.TaskStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one rule behind every {@code runningCount} and {@code pendingCount} of a service and of its
 * deployments: {@code runningCount} counts the tasks whose lastStatus is RUNNING, including those being
 * stopped; {@code pendingCount} those whose lastStatus is before RUNNING (PROVISIONING, PENDING,
 * ACTIVATING). STOPPED, DELETED and winding-down tasks count in neither. The reconciler applies it each
 * pass ({@link DeploymentProgress}, with the pass's launches added to pendingCount); {@link #recount}
 * applies it to a stored service alone. Pure and immutable.
 *
 * @param running tasks whose lastStatus is RUNNING
 * @param pending tasks whose lastStatus is before RUNNING
 */
public record TaskCounts(int running, int pending) {

  /** The lastStatuses before RUNNING: PROVISIONING, PENDING, ACTIVATING. */
  static final Set<String> BEFORE_RUNNING = Arrays.stream(TaskStatus.values())
      .filter(TaskStatus::isPending).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  public TaskCounts {
    if (running < 0 || pending < 0) {
      throw new IllegalArgumentException("counts must not be negative: " + running + ", " + pending);
    }
  }

  /** Counts {@code tasks} (STOPPED ones may be included: they count in neither). */
  public static TaskCounts of(Collection<ObservedTask> tasks) {
    return new TaskCounts(
        (int) tasks.stream().filter(t -> isRunning(t.lastStatus())).count(),
        (int) tasks.stream().filter(t -> isPending(t.lastStatus())).count());
  }

  /** Whether a task of this lastStatus counts in {@code runningCount}. */
  static boolean isRunning(String lastStatus) {
    return TaskStatus.RUNNING.is(lastStatus);
  }

  /** Whether a task of this lastStatus counts in {@code pendingCount}. */
  static boolean isPending(String lastStatus) {
    return BEFORE_RUNNING.contains(lastStatus);
  }

  /** These counts with {@code launched} tasks more pending (tasks a plan launches, not yet observed). */
  TaskCounts plusPending(long launched) {
    return new TaskCounts(running, Math.toIntExact(pending + launched));
  }

  /**
   * The service with its own and each deployment's {@code runningCount} and {@code pendingCount} counted
   * from {@code tasks} (a deployment's or a task set's from the tasks it started, {@link ObservedTask#startedBy}), and
   * nothing else changed: no deployment is added, removed or moved along, no desiredCount changes. A
   * deployment whose counts change gets {@code updatedAt = now}, as each pass gives it. Returns
   * {@code service} itself when every count already agrees.
   *
   * @param tasks every task of the service the store holds (STOPPED ones may be included)
   */
  public static Service recount(Service service, List<ObservedTask> tasks, Instant now) {
    TaskCounts all = of(tasks);
    List<Deployment> deployments = service.deployments() == null ? null : service.deployments().stream()
        .map(d -> of(tasks.stream().filter(t -> d.id().equals(t.startedBy())).toList()).applyTo(d, now))
        .toList();
    List<TaskSet> taskSets = service.taskSets() == null ? null : service.taskSets().stream()
        .map(t -> of(tasks.stream().filter(task -> t.id().equals(task.startedBy())).toList()).applyTo(t, now))
        .toList();
    if (Objects.equals(service.runningCount(), all.running())
        && Objects.equals(service.pendingCount(), all.pending())
        && Objects.equals(deployments, service.deployments())
        && Objects.equals(taskSets, service.taskSets())) {
      return service;
    }
    return service.toBuilder()
        .runningCount(all.running())
        .pendingCount(all.pending())
        .deployments(deployments)
        .taskSets(taskSets)
        .build();
  }

  private TaskSet applyTo(TaskSet t, Instant now) {
    if (Objects.equals(t.runningCount(), running) && Objects.equals(t.pendingCount(), pending)) {
      return t;
    }
    return t.toBuilder().runningCount(running).pendingCount(pending).updatedAt(now).build();
  }

  private Deployment applyTo(Deployment d, Instant now) {
    if (Objects.equals(d.runningCount(), running) && Objects.equals(d.pendingCount(), pending)) {
      return d;
    }
    return d.toBuilder().runningCount(running).pendingCount(pending).updatedAt(now).build();
  }
}
