package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.runtime.ContainerRuntime;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException;
import dev.ecsemulator.scheduler.runtime.ContainerSpecFactory;
import dev.ecsemulator.scheduler.runtime.Sandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the tasks the engine cannot run, those whose stored record lacks what running needs
 * ({@link TaskRecords#check}) or whose pass failed unexpectedly: first whatever of them may run in Docker, then
 * one commit that makes them STOPPED ({@link TaskRecords#stopped}), logged once at WARN. Nothing about such a task is retried but the
 * Docker stops, when the engine does not answer (as for any task, the reconnection resyncs it). Called by
 * {@link TaskRunner} within a task's pass (one at a time per task); thread-safe otherwise.
 */
final class UnrunnableTasks {

  private static final Logger log = LoggerFactory.getLogger(UnrunnableTasks.class);

  private final StateStore store;
  private final ContainerRuntime runtime;
  private final EngineMonitor engine;
  private final Clock clock;
  private final Sandboxes sandboxes;

  /** @param sandboxes the runner's sandboxes (shared, not copied) */
  UnrunnableTasks(StateStore store, ContainerRuntime runtime, EngineMonitor engine, Clock clock,
      Sandboxes sandboxes) {
    this.store = store;
    this.runtime = runtime;
    this.engine = engine;
    this.clock = clock;
    this.sandboxes = sandboxes;
  }

  /** Stops {@code task} with {@code reason} (a {@link TaskRecords#reason}). Idempotent. */
  void stop(TaskRef ref, Task task, String reason) {
    TaskRecords.Remains remains = TaskRecords.remains(task);
    if (!stopContainers(ref, remains)) {
      return;
    }
    Instant now = clock.instant();
    boolean stopped = store.write(ref.scope(), txn -> {
      Task current = txn.get(TASK, ref.key()).orElse(null);
      if (current == null || TaskRecords.isFinal(current)) {
        return false;
      }
      txn.put(TASK, ref.key(), TaskRecords.stopped(current, reason, now));
      return true;
    });
    if (stopped) {
      log.warn("Task {} stopped: {}", remains.name(ref), reason);
    }
  }

  /**
   * Stops whatever of the task may run: its recorded containers not yet STOPPED (with the default stop
   * timeout: there is no task definition to take one from), and the containers labelled with its ARN that
   * it did not record (its sandbox, or a container created but not yet recorded: killed, as the sandbox is
   * on any stop). False when that cannot be done now: the engine does not answer while a recorded container
   * or a sandbox may run, or a stop failed.
   */
  private boolean stopContainers(TaskRef ref, TaskRecords.Remains task) {
    List<String> recorded = task.runtimeIdsToStop();
    Sandbox sandbox = sandboxes.get(ref);
    if (!engine.reachable()) {
      // With nothing recorded that may run, what the engine may hold of it goes at clean-up, by its labels.
      if (!recorded.isEmpty() || sandbox != null) {
        log.debug("Task {} waits for the Docker engine to stop its containers", ref);
        return false;
      }
      return true;
    }
    try {
      Set<String> unrecorded = new LinkedHashSet<>();
      if (sandbox != null) {
        unrecorded.add(sandbox.id());
      }
      task.taskArn().ifPresent(arn -> runtime.listManaged().stream()
          .filter(o -> arn.equals(o.taskArn()) && !task.runtimeIds().contains(o.id()))
          .forEach(o -> unrecorded.add(o.id())));
      for (String id : recorded) {
        runtime.stopContainer(id, ContainerSpecFactory.DEFAULT_STOP_TIMEOUT);
      }
      for (String id : unrecorded) {
        runtime.stopContainer(id, Duration.ZERO);
      }
      return true;
    } catch (ContainerRuntimeException e) {
      log.debug("Cannot stop the containers of task {} now: {}", ref, e.reason());
      return false;
    }
  }
}
