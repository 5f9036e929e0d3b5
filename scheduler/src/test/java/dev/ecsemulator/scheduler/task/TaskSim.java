package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.hostaccess.HostPathPolicy;
import dev.ecsemulator.core.model.AwsVpcConfiguration;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.NetworkConfiguration;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.task.ContainerObservation;
import dev.ecsemulator.core.task.LaunchSpec;
import dev.ecsemulator.core.task.TaskFactory;
import dev.ecsemulator.core.task.TaskLifecycle;
import dev.ecsemulator.scheduler.docker.EngineStatus;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.Health;
import dev.ecsemulator.scheduler.runtime.Sandbox;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A task, its definition and a tiny simulated Docker engine: it feeds the {@link TaskReconciler} observations and
 * applies its plans the way {@link TaskRunner} does (rounds of observe, decide, apply while the plan asks to observe
 * again), and lets a test change what Docker shows by hand. Time is a field; nothing sleeps, nothing runs.
 */
final class TaskSim {

  static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final EngineStatus UP = EngineStatus.up("unix:///var/run/docker.sock", "20.10.24", "1.41");
  static final EngineStatus DOWN = EngineStatus.down("unix:///var/run/docker.sock", "connection refused");
  /** As the runner bounds its rounds. */
  static final int MAX_ROUNDS = 6;

  /** One simulated container, as Docker would show it. */
  static final class Simulated {
    final String id;
    ObservedContainer.State state = ObservedContainer.State.CREATED;
    Integer exitCode;
    boolean oomKilled;
    Health.Status health;
    Instant startedAt;
    Instant finishedAt;

    Simulated(String id, boolean healthCheck) {
      this.id = id;
      this.health = healthCheck ? Health.Status.STARTING : Health.Status.NONE;
    }

    ObservedContainer observed(String name) {
      return new ObservedContainer(id, name, "sha256:0", state, exitCode, oomKilled, null,
          new Health(health, null, null), startedAt, finishedAt, null, List.of(), Map.of());
    }

    void exit(int code, boolean oom, Instant at) {
      state = ObservedContainer.State.EXITED;
      exitCode = code;
      oomKilled = oom;
      finishedAt = at;
    }
  }

  final TaskReconciler reconciler;
  final TaskDefinition definition;
  final Map<String, Simulated> docker = new LinkedHashMap<>();
  Task task;
  Sandbox sandbox;
  boolean engineUp = true;
  Instant now = T0;
  /** The next create or start of this container fails as Docker refusing it would. */
  String refuseNext;
  /** A container whose next start Docker refuses (its create succeeds). */
  String refuseStart;
  /** Whether the last pass stopped only because it made {@link #MAX_ROUNDS} decisions. */
  boolean exhausted;
  /** Whether the task belongs to a service with load balancers ({@link TaskTargets#registers}). */
  boolean registers;
  /** Whether its targets are registered with the target groups now. */
  boolean registered;
  /** Whether a deregistration finds the task's targets drained (else they are still draining). */
  boolean drained = true;
  /** What this pass's deregistration found. */
  private TaskObservation.Drain drain = TaskObservation.Drain.NOT_ASKED;
  /** Called with every observation and the plan decided on it, before the plan is applied. */
  Consumer<Decided> onDecision = d -> { };
  private int created;

  /** An observation and what was decided on it. */
  record Decided(TaskObservation seen, TaskPlan plan) {}

  TaskSim(TaskDefinition definition, String launchType, boolean allowHostAccess) {
    this.definition = definition;
    this.reconciler = new TaskReconciler(allowHostAccess,
        HostPathPolicy.lexical("/home/sim", List.of("/tmp"), List.of()));
    boolean awsvpc = "awsvpc".equals(definition.networkMode());
    this.task = TaskFactory.create(new LaunchSpec(SCOPE, "default", definition, launchType, null, null, null, null,
        null, false, null, awsvpc ? NetworkConfiguration.builder().awsvpcConfiguration(
            AwsVpcConfiguration.builder().subnets(List.of("subnet-1")).build()).build() : null),
        Ids.seeded(7), now);
  }

  static TaskDefinition definition(String networkMode, ContainerDefinition... containers) {
    return TaskDefinition.builder()
        .family("sim")
        .revision(1)
        .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/sim:1")
        .networkMode(networkMode)
        .containerDefinitions(List.of(containers))
        .build();
  }

  static ContainerDefinition.Builder container(String name) {
    return ContainerDefinition.builder().name(name).image("ecs-emulator/sample-web:1").memory(64);
  }

  EngineStatus engine() {
    return engineUp ? UP : DOWN;
  }

  /** What the runner would observe now, in a pass that did {@code launched} and {@code stopped} already. */
  TaskObservation observe(boolean launched, boolean stopped) {
    Map<String, ObservedContainer> seen = new HashMap<>();
    List<Container> inspect = TaskReconciler.toInspect(task);
    if (engineUp) {
      for (Container c : inspect) {
        Simulated s = docker.get(c.name());
        if (s != null && s.id.equals(c.runtimeId())) {
          seen.put(c.name(), s.observed(c.name()));
        }
      }
    }
    // As the runner's: only an inspection that was made can fail.
    boolean inspected = engineUp || inspect.isEmpty();
    return new TaskObservation(task, TaskRecords.isFinal(task) ? null : definition, seen, inspected, engine(), sandbox,
        launched, stopped, registers, drain);
  }

  /** One pass, as the runner makes it; returns its plans (the last one does not ask to observe again). */
  List<TaskPlan> pass() {
    List<TaskPlan> plans = new ArrayList<>();
    boolean[] progress = {false, false}; // launched, stopped
    exhausted = false;
    drain = TaskObservation.Drain.NOT_ASKED;
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      TaskObservation seen = observe(progress[0], progress[1]);
      TaskPlan plan = reconciler.decide(seen, now);
      onDecision.accept(new Decided(seen, plan));
      plans.add(plan);
      if (!apply(plan, progress)) {
        return plans;
      }
    }
    exhausted = true;
    return plans;
  }

  /** Runs passes until one changes nothing (at most {@code limit}); returns how many ran. */
  int settle(int limit) {
    for (int i = 1; i <= limit; i++) {
      Task before = task;
      Map<String, ObservedContainer.State> states = states();
      pass();
      if (task.equals(before) && states.equals(states())) {
        return i;
      }
    }
    return limit;
  }

  private Map<String, ObservedContainer.State> states() {
    Map<String, ObservedContainer.State> states = new HashMap<>();
    docker.forEach((name, s) -> states.put(name, s.state));
    return states;
  }

  /** Applies the plan as the runner does; returns whether to observe and decide again. */
  private boolean apply(TaskPlan plan, boolean[] progress) {
    for (TaskAction action : plan.actions()) {
      Optional<TaskPlan> instead = applyOne(action, progress);
      if (instead.isPresent()) {
        return apply(instead.get(), progress);
      }
    }
    return plan.observeAgain();
  }

  private Optional<TaskPlan> applyOne(TaskAction action, boolean[] progress) {
    if (action instanceof Launch launch) {
      progress[0] = true;
      if (!engineUp) {
        return Optional.of(reconciler.afterFailure(task, DOWN, "Cannot connect to the Docker daemon", null));
      }
      if ("awsvpc".equals(definition.networkMode()) && sandbox == null) {
        sandbox = new Sandbox("sandbox-1", "ecs-sim-1-internalecspause", "172.17.0.9", null, List.of());
      }
      task = TaskLifecycle.provisioned(task, "172.17.0.9", now);
      if (launch.create().isEmpty()) {
        return Optional.empty();
      }
      List<ContainerObservation> made = new ArrayList<>();
      for (String name : launch.create()) {
        if (name.equals(refuseNext)) {
          refuseNext = null;
          return Optional.of(reconciler.afterFailure(task, UP, "CannotCreateContainerError: refused", name));
        }
        ContainerDefinition cd = definition.containerDefinitions().stream()
            .filter(d -> d.name().equals(name)).findFirst().orElseThrow();
        Simulated s = docker.computeIfAbsent(name, n -> new Simulated("id-" + n + "-" + ++created,
            cd.healthCheck() != null));
        made.add(Observations.created(name, s.id));
      }
      Task pulled = TaskLifecycle.pullStopped(TaskLifecycle.pullStarted(task, now), now);
      List<ContainerObservation> seen = new ArrayList<>();
      for (ContainerObservation o : made) {
        if (!launch.start().contains(o.name())) {
          seen.add(o);
          continue;
        }
        if (o.name().equals(refuseStart) || o.name().equals(refuseNext)) {
          // As the runner: the created containers are recorded, then the failure.
          refuseStart = null;
          refuseNext = null;
          task = TaskLifecycle.observe(pulled, definition, made, now);
          return Optional.of(reconciler.afterFailure(task, UP, "CannotStartContainerError: refused", o.name()));
        }
        Simulated s = docker.get(o.name());
        s.state = ObservedContainer.State.RUNNING;
        s.startedAt = now;
        seen.add(Observations.of(o.name(), s.observed(o.name()), definition, sandbox));
      }
      task = TaskLifecycle.observe(pulled, definition, seen, now, launch.registers());
    } else if (action instanceof Start start) {
      for (String name : start.containers()) {
        if (!engineUp || name.equals(refuseNext) || name.equals(refuseStart)) {
          refuseNext = null;
          refuseStart = null;
          return Optional.of(reconciler.afterFailure(task, engine(), "CannotStartContainerError: refused", name));
        }
        Simulated s = docker.get(name);
        s.state = ObservedContainer.State.RUNNING;
        s.startedAt = now;
      }
    } else if (action instanceof Record record) {
      task = TaskLifecycle.observe(task, definition, record.seen(), now, record.registers());
    } else if (action instanceof RegisterTargets) {
      registered = true;
      task = TaskLifecycle.activated(task, now);
    } else if (action instanceof DeregisterTargets) {
      registered = false;
      drain = drained ? TaskObservation.Drain.DRAINED : TaskObservation.Drain.DRAINING;
    } else if (action instanceof Deactivate) {
      task = TaskLifecycle.deactivated(task);
    } else if (action instanceof FailToStart failure) {
      Task failed = TaskLifecycle.failedToStart(task, failure.reason(), now);
      Container c = failure.containerName() == null ? null : TaskReconciler.container(failed, failure.containerName());
      task = c == null ? failed : TaskLifecycle.observe(failed, definition,
          List.of(Observations.neverStarted(c.name(), c.runtimeId(), failure.reason())), now);
    } else if (action instanceof StopContainers stop) {
      if (!engineUp) {
        return Optional.of(TaskPlan.done(List.of()));
      }
      for (ContainerStop s : stop.stops()) {
        Simulated running = docker.get(s.containerName());
        if (running != null && running.state != ObservedContainer.State.EXITED) {
          running.exit(running.state == ObservedContainer.State.CREATED ? 0 : 143, false, now);
        }
      }
      progress[1] = true;
    } else if (action instanceof Deprovision) {
      sandbox = null;
      task = TaskLifecycle.deprovisioned(task, now);
    } else if (action instanceof AmendOutOfMemory amend) {
      task = TaskLifecycle.amendOutOfMemory(task, amend.containerName());
    } else if (!(action instanceof WaitForEngine)) {
      throw new AssertionError("unknown action " + action);
    }
    return Optional.empty();
  }

  // ---- what a test does to the world ----

  void advance(Duration d) {
    now = now.plus(d);
  }

  void exit(String name, int code, boolean oom) {
    Simulated s = docker.get(name);
    if (s != null && s.state == ObservedContainer.State.RUNNING) {
      s.exit(code, oom, now);
    }
  }

  void health(String name, Health.Status status) {
    Simulated s = docker.get(name);
    if (s != null && s.state == ObservedContainer.State.RUNNING && s.health != Health.Status.NONE) {
      s.health = status;
    }
  }

  void vanish(String name) {
    docker.remove(name);
  }

  void stopTask() {
    task = TaskLifecycle.requestStop(task, "UserInitiated", "Task stopped by user", now);
  }

  Container recorded(String name) {
    return TaskReconciler.container(task, name);
  }
}
