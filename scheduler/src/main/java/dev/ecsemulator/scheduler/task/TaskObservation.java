package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.scheduler.docker.EngineStatus;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import dev.ecsemulator.scheduler.runtime.Sandbox;
import java.util.Map;
import java.util.Objects;

/**
 * All one {@link TaskReconciler#decide} observes of one task. Immutable.
 *
 * @param task the task as stored, with nothing missing that running it needs ({@link TaskRecords#check}); a final
 *     (STOPPED) task needs only {@link TaskRecords#gaps(Task) its own members}
 * @param definition its task definition; null for a final task
 * @param containers what Docker showed of the recorded containers the runner inspected
 *     ({@link TaskReconciler#toInspect}), by container name; one inspected but absent is gone from Docker
 * @param inspected whether Docker answered every inspection; when false, {@code containers} says nothing
 * @param engine the engine's last known status
 * @param sandbox the task's sandbox this process knows, or null
 * @param launched whether this pass already applied a {@link TaskAction.Launch}
 * @param stopped whether this pass already applied a {@link TaskAction.StopContainers}
 * @param registers whether the task is registered with load balancer target groups while it runs (a task of a
 *     service with {@code loadBalancers}: {@link TaskTargets#registers})
 * @param drain what this pass's {@link TaskAction.DeregisterTargets} found of the task's targets
 */
public record TaskObservation(
    Task task,
    TaskDefinition definition,
    Map<String, ObservedContainer> containers,
    boolean inspected,
    EngineStatus engine,
    Sandbox sandbox,
    boolean launched,
    boolean stopped,
    boolean registers,
    Drain drain) {

  /** What a pass knows of the task's targets' draining. */
  public enum Drain {
    /** This pass has not deregistered the task's targets. */
    NOT_ASKED,
    /** Deregistered; some target is still registered or draining. */
    DRAINING,
    /** Deregistered; no target of the task is registered or draining any more. */
    DRAINED
  }

  public TaskObservation {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(drain, "drain");
    containers = Map.copyOf(containers);
  }

  /** A task no load balancer registers. */
  public TaskObservation(Task task, TaskDefinition definition, Map<String, ObservedContainer> containers,
      boolean inspected, EngineStatus engine, Sandbox sandbox, boolean launched, boolean stopped) {
    this(task, definition, containers, inspected, engine, sandbox, launched, stopped, false, Drain.NOT_ASKED);
  }
}
