package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.runtime.ContainerRuntime;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException;
import dev.ecsemulator.scheduler.runtime.ManagedVolume;
import dev.ecsemulator.scheduler.runtime.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a task once it is STOPPED: its containers are removed after the clean-up delay (so their logs
 * can be read meanwhile), and the task itself is purged from the store after the retention (at least an hour by
 * default, as on AWS). The task engine's resync hands it every final task; the work runs on the task's key of
 * the engine's executor, so never during one of its passes. Thread-safe.
 */
final class StoppedTaskCleaner {

  private static final Logger log = LoggerFactory.getLogger(StoppedTaskCleaner.class);

  private final StateStore store;
  private final ContainerRuntime runtime;
  private final Sandboxes sandboxes;
  private final ContainerLogDriver logs;
  private final Duration retention;
  private final Duration cleanupDelay;
  /** The tasks whose clean-up was queued, so that each resync does not queue it again. */
  private final Set<String> cleaned = ConcurrentHashMap.newKeySet();

  /**
   * @param retention how long a STOPPED task stays describable
   * @param cleanupDelay how long a STOPPED task's containers are kept (for their logs)
   */
  StoppedTaskCleaner(StateStore store, ContainerRuntime runtime, Sandboxes sandboxes, ContainerLogDriver logs,
      Duration retention, Duration cleanupDelay) {
    this.store = store;
    this.runtime = runtime;
    this.sandboxes = sandboxes;
    this.logs = logs;
    this.retention = retention;
    this.cleanupDelay = cleanupDelay;
  }

  /**
   * Queues on {@code work} what is due for the final {@code task} at {@code now}: the clean-up of its resources
   * (once), and its purge. A task without a stoppedAt counts as stopped now.
   */
  void handle(TaskRef ref, Task task, Instant now, KeyedExecutor work) {
    Instant stoppedAt = task.stoppedAt() != null ? task.stoppedAt() : now;
    boolean purge = !stoppedAt.plus(retention).isAfter(now);
    boolean clean = purge || !stoppedAt.plus(cleanupDelay).isAfter(now);
    if (clean && cleaned.add(ref.id())) {
      work.submit(ref.id(), () -> cleanUp(ref, task));
    }
    if (purge) {
      work.submit(ref.id(), () -> {
        store.write(ref.scope(), txn -> txn.remove(TASK, ref.key()));
        sandboxes.remove(ref);
        cleaned.remove(ref.id());
      });
    }
  }

  /** Forgets which clean-ups were queued (after a reset removed everything). */
  void forgetQueued() {
    cleaned.clear();
  }

  /**
   * Removes a stopped task's containers and sandbox, then its task-scoped volumes, as the agent removes a task's
   * resources once its containers are gone ({@code deleteTask}: a task-scoped volume's {@code Cleanup}); shared
   * volumes outlive it. Idempotent. Works from the record's {@link TaskRecords#remains}: without a taskArn, only
   * its recorded containers can be found.
   */
  void cleanUp(TaskRef ref, Task task) {
    logs.beforeRemoval(ref.scope(), task); // their output goes with them
    TaskRecords.Remains remains = TaskRecords.remains(task);
    for (String id : remains.runtimeIds()) {
      runtime.removeContainer(id);
    }
    Sandbox sandbox = sandboxes.remove(ref);
    if (sandbox != null) {
      runtime.removeSandbox(sandbox.id());
    } else {
      remains.taskArn().ifPresent(arn -> runtime.listManaged().stream()
          .filter(o -> arn.equals(o.taskArn()))
          .forEach(o -> runtime.removeSandbox(o.id())));
    }
    remains.taskArn().ifPresent(this::removeVolumes);
  }

  /**
   * A volume that cannot go now (a container outside the task still uses it) is left with a warning; the sweep of
   * the next start removes it once its task is forgotten.
   */
  private void removeVolumes(String taskArn) {
    for (ManagedVolume volume : runtime.listManagedVolumes()) {
      if (!taskArn.equals(volume.taskArn())) {
        continue;
      }
      try {
        runtime.removeVolume(volume.name());
      } catch (ContainerRuntimeException e) {
        log.warn("Could not remove volume {} of task {}: {}", volume.name(), taskArn, e.reason());
      }
    }
  }
}
