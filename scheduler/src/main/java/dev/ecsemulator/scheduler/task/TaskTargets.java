package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Task;

/**
 * The load balancer targets of a task: what the task engine asks while a task of a service with
 * {@code loadBalancers} is ACTIVATING (register) and DEACTIVATING (deregister and drain). Implementations must be
 * idempotent and thread-safe; they are called from task passes, never inside a store transaction.
 */
public interface TaskTargets {

  /** No task is ever registered anywhere. */
  TaskTargets NONE = new TaskTargets() {
    @Override
    public boolean registers(Scope scope, String taskKey, Task task) {
      return false;
    }

    @Override
    public void register(Scope scope, String taskKey, Task task) {}

    @Override
    public boolean deregister(Scope scope, String taskKey, Task task) {
      return true;
    }
  };

  /** Whether the task is registered with target groups while it runs (its service names load balancers). */
  boolean registers(Scope scope, String taskKey, Task task);

  /** Registers the task's targets with its service's target groups; registering again changes nothing. */
  void register(Scope scope, String taskKey, Task task);

  /**
   * Deregisters the task's targets (they drain) and says whether none of them is registered or draining any more.
   * Called again until it returns true.
   */
  boolean deregister(Scope scope, String taskKey, Task task);
}
