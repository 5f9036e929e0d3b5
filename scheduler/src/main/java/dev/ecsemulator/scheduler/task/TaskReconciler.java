package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.hostaccess.HostAccessRules;
import dev.ecsemulator.core.hostaccess.HostAccessUse;
import dev.ecsemulator.core.hostaccess.HostPathPolicy;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.task.ContainerObservation;
import dev.ecsemulator.core.task.TaskLifecycle;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.scheduler.docker.EngineStatus;
import dev.ecsemulator.scheduler.runtime.ContainerSpecFactory;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import dev.ecsemulator.scheduler.runtime.UnresolvedInput;
import dev.ecsemulator.scheduler.task.TaskAction.AmendOutOfMemory;
import dev.ecsemulator.scheduler.task.TaskAction.ContainerStop;
import dev.ecsemulator.scheduler.task.TaskAction.Deactivate;
import dev.ecsemulator.scheduler.task.TaskAction.DeregisterTargets;
import dev.ecsemulator.scheduler.task.TaskAction.Deprovision;
import dev.ecsemulator.scheduler.task.TaskAction.FailToStart;
import dev.ecsemulator.scheduler.task.TaskAction.Launch;
import dev.ecsemulator.scheduler.task.TaskAction.Record;
import dev.ecsemulator.scheduler.task.TaskAction.RegisterTargets;
import dev.ecsemulator.scheduler.task.TaskAction.Start;
import dev.ecsemulator.scheduler.task.TaskAction.StopContainers;
import dev.ecsemulator.scheduler.task.TaskAction.WaitForEngine;
import dev.ecsemulator.scheduler.task.TaskObservation.Drain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task engine's decision: {@code plan = decide(observation, now)}, a pure function of the task and its
 * definition as stored, what Docker shows of its containers, the engine's state and the clock, in the style of
 * {@code ServiceReconciler}. No Docker calls, no store access, no clock reads.
 *
 * <p><b>How to call it.</b> A pass over one task (one at a time per task): inspect {@link #toInspect} of the task,
 * {@code plan = decide(observation, clock.instant())}, apply its actions in order; while {@link TaskPlan#observeAgain},
 * read the task again, observe and decide once more (each round sees what the last one did). An action that fails
 * in Docker ends the plan; {@link #afterFailure} says what follows.
 *
 * <p><b>Rules</b>, with their sources:
 * <ul>
 *   <li>Desired RUNNING, first round of a pass: the engine must answer: a Fargate task with no container yet fails
 *       to start ({@code ResourceInitializationError}, as Fargate reports a task it cannot provision), any other
 *       task waits, as a task on an instance whose agent disconnected does. Then inputs the emulator cannot fetch
 *       (S3 environment files, EFS and other remote volumes) and, before anything of the task exists, host access
 *       the emulator does not allow fail it ({@link StartFailures}). Otherwise it is launched
 *       ({@link Launch}: sandbox, volumes, then the containers not yet created).
 *   <li>Once created, containers start as their {@code dependsOn} conditions allow ({@link DependencyGate}); a
 *       condition that can no longer be met fails the task.
 *   <li>What Docker shows is folded into the task by {@link TaskLifecycle#observe}: a container Docker no longer
 *       knows stopped with the agent's {@code ContainerVanishedError}; with desired STOPPED, a container created but
 *       never started, or never created, stopped without running.
 *   <li>A task of a service with {@code loadBalancers} ({@link TaskObservation#registers}) is ACTIVATING once
 *       started: its targets are registered ({@link RegisterTargets}), then it is RUNNING. Asked to stop while
 *       ACTIVATING or RUNNING it is DEACTIVATING: its targets are deregistered and drain
 *       ({@link DeregisterTargets}, asked again every {@link #DRAIN_POLL}), and only once they have drained does it
 *       go STOPPING ({@link Deactivate}) and its containers stop (Guide {@code task-lifecycle.md}); StopTask and
 *       the service scheduler both ask for it. A task that skipped DEACTIVATING (all its containers exited at once,
 *       stopped before it ran, or at the emulator's shutdown) is deregistered without waiting, STOPPED ones
 *       included: an exited task has nothing left to drain, and its target must not linger.
 *   <li>Desired STOPPED: the running containers are stopped, dependents first ({@link DependencyGate#stopOrder}),
 *       each with its {@code stopTimeout} (default 30 s); an awsvpc task then releases its sandbox and goes from
 *       DEPROVISIONING to STOPPED.
 *   <li>STOPPED: only a late OOM verdict is recorded (Docker's {@code oom} event can trail {@code die}).
 * </ul>
 *
 * <p>Thread-safe: holds nothing but its settings.
 */
public final class TaskReconciler {

  /** How soon a DEACTIVATING task looks again whether its targets have drained. */
  static final Duration DRAIN_POLL = Duration.ofMillis(250);

  private final ContainerSpecFactory specs = new ContainerSpecFactory();
  private final boolean allowHostAccess;
  private final HostPathPolicy hostPaths;

  /**
   * @param allowHostAccess launch tasks that ask for host-level access ({@link HostAccessRules})
   * @param hostPaths the host paths tasks may bind without host access
   */
  public TaskReconciler(boolean allowHostAccess, HostPathPolicy hostPaths) {
    this.allowHostAccess = allowHostAccess;
    this.hostPaths = hostPaths;
  }

  /**
   * The recorded containers whose Docker state a decision needs: of a final task, those whose exit 137 has no
   * reason yet (a late OOM verdict); of any other, every container with a runtime ID.
   */
  public static List<Container> toInspect(Task task) {
    boolean stopped = TaskRecords.isFinal(task);
    return task.containers().stream()
        .filter(c -> c.runtimeId() != null)
        .filter(c -> !stopped || (c.reason() == null && Integer.valueOf(137).equals(c.exitCode())))
        .toList();
  }

  /** What to do for the task now. */
  public TaskPlan decide(TaskObservation seen, Instant now) {
    Task task = seen.task();
    if (TaskRecords.isFinal(task)) {
      List<TaskAction> actions = lateOutOfMemory(seen);
      if (seen.registers() && seen.drain() == Drain.NOT_ASKED) {
        actions.add(new DeregisterTargets()); // it stopped without DEACTIVATING: all its containers exited at once
      }
      return TaskPlan.done(actions);
    }
    return TaskStatus.RUNNING.is(task.desiredStatus()) ? running(seen, now) : stopping(seen, now);
  }

  /**
   * What follows when applying a launch or a start failed in Docker with {@code reason}: an outage when the engine
   * no longer answers ({@code probed}, asked again after the failure), else the task's failure to start, with the
   * container that failed, if known.
   *
   * @param current the task as stored now, or null when it is gone
   */
  public TaskPlan afterFailure(Task current, EngineStatus probed, String reason, String containerName) {
    if (current == null) {
      return TaskPlan.done(List.of());
    }
    if (!probed.reachable()) {
      return engineGone(current, probed);
    }
    return TaskPlan.thenObserve(List.of(new FailToStart(reason, containerName)));
  }

  private TaskPlan running(TaskObservation seen, Instant now) {
    Task task = seen.task();
    TaskDefinition definition = seen.definition();
    List<TaskAction> actions = new ArrayList<>();
    if (!seen.launched()) {
      if (!seen.engine().reachable()) {
        TaskPlan gone = engineGone(task, seen.engine());
        if (gone.observeAgain() || !seen.inspected()) {
          return gone;
        }
        actions.addAll(gone.actions());
        record(seen, now, actions);
        return TaskPlan.done(actions);
      }
      Optional<FailToStart> refused = refusal(task, definition);
      if (refused.isPresent()) {
        return TaskPlan.thenObserve(List.of(refused.get()));
      }
      List<String> create = definition.containerDefinitions().stream()
          .map(ContainerDefinition::name)
          .filter(name -> runtimeId(task, name) == null)
          .toList();
      actions.add(new Launch(create, startAtOnce(definition, create, now), seen.registers()));
      if (!create.isEmpty()) {
        return TaskPlan.thenObserve(actions);
      }
    }
    if (!seen.inspected()) {
      return TaskPlan.done(actions);
    }
    DependencyGate.Decision gate = DependencyGate.evaluate(definition, gateStates(seen), now);
    if (gate.failure().isPresent()) {
      actions.add(new FailToStart(gate.failure().get(), null));
      return TaskPlan.thenObserve(actions);
    }
    if (!gate.startable().isEmpty()) {
      actions.add(new Start(gate.startable()));
      return new TaskPlan(actions, true, gate.wakeAt());
    }
    Task next = record(seen, now, actions);
    if (TaskStatus.ACTIVATING.is(next.lastStatus()) && TaskStatus.RUNNING.is(next.desiredStatus())) {
      actions.add(new RegisterTargets());
    }
    return new TaskPlan(actions, !TaskStatus.RUNNING.is(next.desiredStatus()), gate.wakeAt());
  }

  private TaskPlan stopping(TaskObservation seen, Instant now) {
    List<TaskAction> actions = new ArrayList<>();
    Task next = seen.inspected() ? record(seen, now, actions) : seen.task();
    boolean deregister = seen.registers() && seen.drain() == Drain.NOT_ASKED;
    if (TaskStatus.DEACTIVATING.is(next.lastStatus())) {
      if (deregister) {
        actions.add(new DeregisterTargets());
        return TaskPlan.thenObserve(actions);
      }
      if (seen.drain() == Drain.DRAINING) {
        return new TaskPlan(actions, false, Optional.of(now.plus(DRAIN_POLL)));
      }
      actions.add(new Deactivate());
      next = TaskLifecycle.deactivated(next);
    } else if (deregister) {
      actions.add(new DeregisterTargets());
    }
    if (!seen.stopped()) {
      List<ContainerStop> stops = stops(next, seen.definition());
      if (!stops.isEmpty()) {
        actions.add(new StopContainers(stops));
        return TaskPlan.thenObserve(actions);
      }
    }
    if (TaskStatus.DEPROVISIONING.is(next.lastStatus())) {
      actions.add(new Deprovision());
    }
    return TaskPlan.done(actions);
  }

  /**
   * The containers a launch starts as soon as it has created them: when it creates all of the task's containers,
   * those the dependency gate lets start while every container is created and none has started (the ones without
   * {@code dependsOn}); otherwise none (a launch resumed after a failure or a restart goes through observation and
   * {@link Start}, as do the containers that wait for others). It spares the launch a round of reading and
   * inspecting between create and start, and a commit: issue 21 measured these on a launch's critical path.
   */
  static List<String> startAtOnce(TaskDefinition definition, List<String> create, Instant now) {
    if (create.size() != definition.containerDefinitions().size()) {
      return List.of();
    }
    Map<String, DependencyGate.State> justCreated = new HashMap<>();
    for (String name : create) {
      justCreated.put(name, new DependencyGate.State(true, false, false, null, false, null));
    }
    DependencyGate.Decision gate = DependencyGate.evaluate(definition, justCreated, now);
    return gate.failure().isPresent() ? List.of() : gate.startable();
  }

  /**
   * Adds a {@link Record} of what Docker shows when it changes the task; returns the task as it would be after it.
   */
  private static Task record(TaskObservation seen, Instant now, List<TaskAction> actions) {
    List<ContainerObservation> changes = observations(seen);
    Task next = TaskLifecycle.observe(seen.task(), seen.definition(), changes, now, seen.registers());
    if (next != seen.task()) {
      actions.add(new Record(changes, seen.registers()));
    }
    return next;
  }

  /**
   * The engine does not answer while the task should run. A Fargate task that has no container yet fails to
   * start, as Fargate reports a task it cannot provision. Any other task waits, as a task placed on an instance
   * whose agent disconnected does: its launch resumes when the engine answers again (the engine monitor's
   * reconnection triggers a full resync), and a task already running keeps its last known state.
   */
  private static TaskPlan engineGone(Task task, EngineStatus engine) {
    if ("FARGATE".equals(task.launchType()) && nothingCreated(task)) {
      return TaskPlan.thenObserve(List.of(new FailToStart(StartFailures.engineUnreachable(engine), null)));
    }
    return TaskPlan.done(List.of(new WaitForEngine()));
  }

  /**
   * Why the task cannot be launched at all, when it cannot: inputs the emulator cannot fetch, or host-level access
   * it does not allow. Host access is judged only before anything of the task exists: the option decides what is
   * launched, and a task already running (adopted after a restart with another setting) is left as it is.
   */
  private Optional<FailToStart> refusal(Task task, TaskDefinition definition) {
    List<UnresolvedInput> unresolved = specs.unresolved(definition, task.overrides());
    if (!unresolved.isEmpty()) {
      return Optional.of(new FailToStart(StartFailures.unresolved(unresolved), null));
    }
    if (allowHostAccess || !nothingCreated(task)) {
      return Optional.empty();
    }
    Optional<HostAccessUse> use = HostAccessRules.firstUse(definition, hostPaths);
    return use.map(u -> new FailToStart(StartFailures.hostAccess(u), u.containerName()));
  }

  /**
   * What the dependency gate sees of each created container, from Docker: one Docker no longer knows counts as
   * stopped, without an exit code.
   */
  private static Map<String, DependencyGate.State> gateStates(TaskObservation seen) {
    Map<String, DependencyGate.State> states = new HashMap<>();
    for (Container c : seen.task().containers()) {
      if (c.runtimeId() == null) {
        continue;
      }
      ObservedContainer o = seen.containers().get(c.name());
      states.put(c.name(), o == null
          ? new DependencyGate.State(true, true, true, null, false, null)
          : new DependencyGate.State(true,
              o.state() != ObservedContainer.State.CREATED,
              o.state() == ObservedContainer.State.EXITED,
              o.exitCode(),
              o.health().status() == ObservedContainer.Health.Status.HEALTHY,
              o.startedAt()));
    }
    return states;
  }

  /**
   * What Docker shows of the task's containers, in ECS terms. With desired STOPPED, a container never created, or
   * created and never started, has stopped without running: now it never will.
   */
  static List<ContainerObservation> observations(TaskObservation seen) {
    Task task = seen.task();
    boolean stopping = TaskStatus.STOPPED.is(task.desiredStatus());
    List<ContainerObservation> out = new ArrayList<>();
    for (Container c : task.containers()) {
      if (c.runtimeId() == null) {
        if (stopping) {
          out.add(Observations.neverStarted(c.name(), null, null));
        }
        continue;
      }
      ObservedContainer o = seen.containers().get(c.name());
      if (o == null) {
        out.add(Observations.vanished(c.name(), c.runtimeId()));
      } else if (stopping && o.state() == ObservedContainer.State.CREATED) {
        out.add(Observations.neverStarted(c.name(), c.runtimeId(), null));
      } else {
        out.add(Observations.of(c.name(), o, seen.definition(), seen.sandbox()));
      }
    }
    return out;
  }

  /** The task's containers that may run, in stop order (those that depend on others first). */
  private static List<ContainerStop> stops(Task task, TaskDefinition definition) {
    List<ContainerStop> stops = new ArrayList<>();
    for (List<String> level : DependencyGate.stopOrder(definition)) {
      for (String name : level) {
        Container c = container(task, name);
        if (c.runtimeId() != null && !ContainerObservation.State.STOPPED.name().equals(c.lastStatus())) {
          stops.add(new ContainerStop(name, c.runtimeId(), stopTimeout(definition, name)));
        }
      }
    }
    return stops;
  }

  /** An exit 137 recorded before Docker's OOM verdict came in gets its reason now (see TaskLifecycle). */
  private static List<TaskAction> lateOutOfMemory(TaskObservation seen) {
    List<TaskAction> actions = new ArrayList<>();
    for (Container c : toInspect(seen.task())) {
      ObservedContainer o = seen.containers().get(c.name());
      if (o != null && o.outOfMemory()) {
        actions.add(new AmendOutOfMemory(c.name()));
      }
    }
    return actions;
  }

  static Duration stopTimeout(TaskDefinition definition, String name) {
    return definition.containerDefinitions().stream()
        .filter(cd -> cd.name().equals(name) && cd.stopTimeout() != null)
        .map(cd -> Duration.ofSeconds(cd.stopTimeout()))
        .findFirst()
        .orElse(ContainerSpecFactory.DEFAULT_STOP_TIMEOUT);
  }

  static boolean nothingCreated(Task task) {
    return task.containers().stream().allMatch(c -> c.runtimeId() == null);
  }

  static String runtimeId(Task task, String name) {
    Container c = container(task, name);
    return c == null ? null : c.runtimeId();
  }

  static Container container(Task task, String name) {
    return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
