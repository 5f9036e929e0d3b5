package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException;

/**
 * What the task runner tells a log driver of a task's containers, at the moments Docker's own drivers act: options
 * are checked when a container is created, the destination is set up when it starts, and what is left of its output
 * is sent before it is removed. Shipping itself goes on elsewhere, on the driver's own threads. Implementations are
 * thread-safe and idempotent (a pass may repeat any step).
 */
public interface ContainerLogDriver {

  /** Does nothing: containers keep their output in Docker only. */
  ContainerLogDriver NONE = new ContainerLogDriver() {
    @Override
    public void beforeCreate(Scope scope, Task task, TaskDefinition definition, String containerName) {}

    @Override
    public void beforeStart(Scope scope, Task task, TaskDefinition definition, String containerName,
        String containerId) {}

    @Override
    public void beforeRemoval(Scope scope, Task task) {}
  };

  /**
   * Before a container is created: its log options are checked, as {@code docker create} checks them.
   *
   * @param scope the task's account and region
   * @throws ContainerRuntimeException worded as ECS reports the refusal
   */
  void beforeCreate(Scope scope, Task task, TaskDefinition definition, String containerName);

  /**
   * Before a created container starts: where its output goes is set up (a log stream, say), as Docker sets up a
   * container's log driver when it starts.
   *
   * @throws ContainerRuntimeException worded as ECS reports the failure; the container must not start
   */
  void beforeStart(Scope scope, Task task, TaskDefinition definition, String containerName, String containerId);

  /**
   * Before a stopped task's containers are removed (with their output): what is left of it is sent. Returns once it
   * is, or after a while; never throws.
   */
  void beforeRemoval(Scope scope, Task task);
}
