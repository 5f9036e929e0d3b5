package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.task.ContainerObservation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One thing a {@link TaskPlan} asks the {@link TaskRunner} to do for a task. Each is idempotent, so a pass cut short
 * and repeated does no harm. A new effect of the task lifecycle (registering targets with a load balancer, say) is a
 * new action here, decided by {@link TaskReconciler} and applied by the runner.
 */
public sealed interface TaskAction {

  /**
   * The task could not start: desiredStatus STOPPED with stop code TaskFailedToStart and {@code reason}
   * ({@code TaskLifecycle.failedToStart}); the container that failed, if known, stops with the same reason.
   *
   * @param containerName the container that failed, or null
   */
  record FailToStart(String reason, String containerName) implements TaskAction {
    public FailToStart {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The engine does not answer and the task waits for it (logged once per pass); nothing changes. */
  record WaitForEngine() implements TaskAction {}

  /**
   * Makes what the task needs before its containers start, in this order: reads its secrets (only when something
   * is to be created), ensures its sandbox (recording PROVISIONING → PENDING) and its volumes, pulls the images of
   * {@code create} and creates those containers; then starts those of {@code start} and inspects them; then records
   * the containers' runtime IDs, the pull times and what the inspections showed in one commit. A crash before that
   * commit leaves containers that the next pass finds again by their stable names and adopts; a start that fails
   * commits the created containers first, so that the failure is recorded on them.
   *
   * @param create the containers without a runtime ID, in definition order; empty: only the sandbox and volumes
   * @param start those of {@code create} to start at once, in this order: the ones the dependency gate lets start
   *     as soon as they exist ({@link DependencyGate}); the others start by a later {@link Start}
   * @param registers as {@link Record#registers}: the task's targets are registered once it runs
   */
  record Launch(List<String> create, List<String> start, boolean registers) implements TaskAction {
    public Launch {
      create = List.copyOf(create);
      start = List.copyOf(start);
      if (!create.containsAll(start)) {
        throw new IllegalArgumentException("only containers it creates are started by a launch: " + start);
      }
    }

    /** A launch that starts nothing itself. */
    public Launch(List<String> create) {
      this(create, List.of(), false);
    }
  }

  /** Starts these created containers, in this order. */
  record Start(List<String> containers) implements TaskAction {
    public Start {
      containers = List.copyOf(containers);
    }
  }

  /**
   * Folds what was seen of the containers into the task ({@code TaskLifecycle.observe}) in one commit.
   *
   * @param registers the task's targets are registered while it runs: it goes ACTIVATING once started and
   *     DEACTIVATING when asked to stop
   */
  record Record(List<ContainerObservation> seen, boolean registers) implements TaskAction {
    public Record {
      seen = List.copyOf(seen);
    }

    /** For a task no load balancer registers. */
    public Record(List<ContainerObservation> seen) {
      this(seen, false);
    }
  }

  /**
   * Registers the ACTIVATING task's targets with its service's target groups ({@link TaskTargets#register}), then
   * records ACTIVATING → RUNNING.
   */
  record RegisterTargets() implements TaskAction {}

  /**
   * Deregisters the task's targets ({@link TaskTargets#deregister}: they drain) and notes for the next round whether
   * they have drained ({@link TaskObservation#drain}).
   */
  record DeregisterTargets() implements TaskAction {}

  /** The DEACTIVATING task's targets have drained: records DEACTIVATING → STOPPING. */
  record Deactivate() implements TaskAction {}

  /** Stops these containers, one after the other, in this order (dependents first). */
  record StopContainers(List<ContainerStop> stops) implements TaskAction {
    public StopContainers {
      stops = List.copyOf(stops);
    }
  }

  /** One container to stop: SIGTERM, then SIGKILL after {@code timeout}. */
  record ContainerStop(String containerName, String runtimeId, Duration timeout) {}

  /** Releases the task's sandbox (killed now, removed at clean-up) and records DEPROVISIONING → STOPPED. */
  record Deprovision() implements TaskAction {}

  /** Gives a stopped container whose exit 137 was recorded before Docker's OOM verdict its OOM reason. */
  record AmendOutOfMemory(String containerName) implements TaskAction {}
}
