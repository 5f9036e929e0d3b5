package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.task.TaskLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The task engine's stop of every task on exit ({@code --stop-tasks-on-exit}): asks each task not yet STOPPED to
 * stop, has a pass run for each, and waits until they are STOPPED or the time is up. The engine tells it of
 * progress ({@link #progressed}: a committed task change or a finished pass), which is when it looks again.
 * Thread-safe.
 */
final class StopAllTasks {

  private final StateStore store;
  private final Clock clock;
  private final Consumer<TaskRef> submit;
  /** Notified on every committed task change and after every pass. */
  private final Object progress = new Object();

  /** @param submit queues a task's pass (the engine's {@code submit}) */
  StopAllTasks(StateStore store, Clock clock, Consumer<TaskRef> submit) {
    this.store = store;
    this.clock = clock;
    this.submit = submit;
  }

  /** Wakes a {@link #run} that waits: a task changed or a pass finished. */
  void progressed() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  /**
   * Asks every task not yet STOPPED to stop, with stop code {@code UserInitiated} and {@code reason}, and waits up
   * to {@code timeout} until they are STOPPED.
   *
   * @return how many tasks were asked to stop and how many of them reached STOPPED in time
   */
  TaskEngine.StopAll run(String reason, Duration timeout) throws InterruptedException {
    List<TaskRef> asked = new ArrayList<>();
    Instant now = clock.instant();
    for (Scope scope : store.scopes()) {
      store.write(scope, txn -> {
        for (String key : txn.keys(TASK)) {
          Task task = txn.get(TASK, key).orElseThrow();
          if (!TaskRecords.isFinal(task)) {
            // A record the engine cannot run is stopped by its pass, with the reason that names its gaps.
            Task stopping = TaskRecords.gaps(task).isEmpty()
                ? TaskLifecycle.requestStop(task, "UserInitiated", reason, now)
                : task;
            if (stopping != task) {
              txn.put(TASK, key, stopping);
            }
            asked.add(new TaskRef(scope, key));
          }
        }
        return null;
      });
    }
    asked.forEach(submit); // tasks already stopping get a pass too: their desiredStatus did not change
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      long left;
      while (unstopped(asked) > 0 && (left = deadline - System.nanoTime()) > 0) {
        progress.wait(Math.max(1, left / 1_000_000));
      }
    }
    return new TaskEngine.StopAll(asked.size(), asked.size() - unstopped(asked));
  }

  private int unstopped(List<TaskRef> refs) {
    int n = 0;
    for (TaskRef ref : refs) {
      Task task = store.read(ref.scope(), v -> v.get(TASK, ref.key())).orElse(null);
      if (task != null && !TaskRecords.isFinal(task)) {
        n++;
      }
    }
    return n;
  }
}
