package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.task.ContainerObservation;
import dev.ecsemulator.core.task.TaskLifecycle;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.scheduler.docker.EngineStatus;
import dev.ecsemulator.scheduler.runtime.ContainerRuntime;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException;
import dev.ecsemulator.scheduler.runtime.ContainerSpec;
import dev.ecsemulator.scheduler.runtime.ContainerSpecFactory;
import dev.ecsemulator.scheduler.runtime.LaunchContext;
import dev.ecsemulator.scheduler.runtime.LocalImage;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import dev.ecsemulator.scheduler.runtime.Sandbox;
import dev.ecsemulator.scheduler.runtime.VolumeSpec;
import dev.ecsemulator.scheduler.secrets.ResolvedSecrets;
import dev.ecsemulator.scheduler.secrets.SecretsUnavailable;
import dev.ecsemulator.scheduler.secrets.TaskSecrets;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One level-triggered pass over one task: observe its containers, let the pure {@link TaskReconciler} decide, apply
 * the {@link TaskPlan}'s actions through the {@link ContainerRuntime} and the store, and repeat while the plan asks
 * to observe again (after containers were created, started or stopped). Every action is idempotent (containers are
 * created by stable names, stops of stopped containers are no-ops), so a pass may be repeated at any time, after a
 * crash or an event storm alike. The engine runs at most one pass per task at a time; passes for different tasks
 * run in parallel.
 */
final class TaskRunner {

  private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

  /**
   * The most decisions one pass makes. A launch takes three (create, start, record), a stop two; more would mean
   * Docker keeps changing under the pass, which the next pass (an event, the resync) then sees.
   */
  private static final int MAX_ROUNDS = 6;

  private final StateStore store;
  private final ContainerRuntime runtime;
  private final ContainerSpecFactory specs = new ContainerSpecFactory();
  private final EngineMonitor engine;
  private final Clock clock;
  private final TaskEngine.Settings settings;
  private final Map<String, String> instanceLabels;
  private final Sandboxes sandboxes;
  private final UnrunnableTasks unrunnable;
  private final TaskSecrets secrets;
  private final TaskReconciler reconciler;
  private final ContainerLogDriver logs;
  private final TaskTargets targets;

  TaskRunner(StateStore store, ContainerRuntime runtime, EngineMonitor engine, Clock clock,
      TaskEngine.Settings settings, Map<String, String> instanceLabels, Sandboxes sandboxes,
      ContainerLogDriver logs, TaskTargets targets) {
    this.store = store;
    this.targets = targets;
    this.logs = logs;
    this.runtime = runtime;
    this.engine = engine;
    this.clock = clock;
    this.settings = settings;
    this.instanceLabels = instanceLabels;
    this.sandboxes = sandboxes;
    this.unrunnable = new UnrunnableTasks(store, runtime, engine, clock, sandboxes);
    this.secrets = TaskSecrets.reading(store, clock);
    this.reconciler = new TaskReconciler(settings.allowHostAccess(), settings.hostPaths());
  }

  /**
   * Runs one pass; returns when the task wants another one (a dependency's startTimeout), if ever. A task
   * whose record lacks what running needs ({@link TaskRecords#check}) is stopped instead, once; a STOPPED
   * task is left alone whatever it lacks. So is a task whose pass fails unexpectedly (a bug, e.g. a stored task
   * definition the container mapping cannot take): it is stopped with {@value TaskRecords#STOP_CODE} and a reason
   * naming the failure, once, instead of being retried, and failing, at every later pass.
   */
  Optional<Instant> reconcile(TaskRef ref) {
    Task task = read(ref);
    if (task == null) {
      return Optional.empty();
    }
    if (TaskRecords.isFinal(task)) {
      if (TaskRecords.gaps(task).isEmpty()) {
        Pass pass = new Pass(ref, null);
        pass.apply(reconciler.decide(pass.observe(task), clock.instant()));
      }
      return Optional.empty();
    }
    Task stored = task;
    TaskRecords.Check check = store.read(ref.scope(), v -> TaskRecords.RUNNABLE.check(ref.scope(), stored, v));
    if (!check.runnable()) {
      unrunnable.stop(ref, task, check.reason());
      return Optional.empty();
    }
    try {
      return new Pass(ref, check.definition()).run(task);
    } catch (ContainerRuntimeException e) {
      throw e; // the engine's answer, not a failure of this task's pass: the engine logs it and a later pass retries
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e; // a pass cut short by the engine closing: nothing failed
      }
      log.error("Bug: the pass of task {} failed unexpectedly; the task is stopped with {}", task.taskArn(),
          TaskRecords.STOP_CODE, e);
      unrunnable.stop(ref, task, StartFailures.unexpected(e));
      return Optional.empty();
    }
  }

  /** One pass: its rounds of observe, decide, apply, and what it did so far. */
  private final class Pass {
    private final TaskRef ref;
    private final TaskDefinition definition;
    private boolean launched;
    private boolean stopped;
    private Drain drain = Drain.NOT_ASKED;
    /** Read by this pass's launch, for the containers it creates; Docker's answers are scrubbed of them. */
    private ResolvedSecrets values = ResolvedSecrets.NONE;

    Pass(TaskRef ref, TaskDefinition definition) {
      this.ref = ref;
      this.definition = definition;
    }

    Optional<Instant> run(Task task) {
      Optional<Instant> wake = Optional.empty();
      for (int round = 1; task != null; round++) {
        TaskPlan plan = reconciler.decide(observe(task), clock.instant());
        wake = plan.wakeAt();
        if (!apply(plan)) {
          return wake;
        }
        if (round == MAX_ROUNDS) {
          log.debug("Task {} still changes after {} rounds; the next pass goes on", task.taskArn(), round);
          return wake;
        }
        task = read(ref);
      }
      return wake;
    }

    /** What Docker shows now of the containers the decision needs; when the engine does not answer, nothing. */
    TaskObservation observe(Task task) {
      Map<String, ObservedContainer> seen = new HashMap<>();
      boolean inspected = true;
      try {
        for (Container c : TaskReconciler.toInspect(task)) {
          runtime.inspect(c.runtimeId()).ifPresent(o -> seen.put(c.name(), o));
        }
      } catch (ContainerRuntimeException e) {
        log.debug("Cannot observe task {} now: {}", task.taskArn(), e.reason());
        inspected = false;
        seen.clear();
      }
      boolean registers = targets.registers(ref.scope(), ref.key(), task);
      return new TaskObservation(task, definition, seen, inspected, engine.status(), sandboxes.get(ref), launched,
          stopped, registers, drain);
    }

    /** Applies the plan's actions in order; returns whether to observe and decide again. */
    boolean apply(TaskPlan plan) {
      for (TaskAction action : plan.actions()) {
        Optional<TaskPlan> instead = applyOne(action);
        if (instead.isPresent()) {
          return apply(instead.get());
        }
      }
      return plan.observeAgain();
    }

    /** Applies one action; returns the plan that replaces the rest of this one when Docker refused it. */
    private Optional<TaskPlan> applyOne(TaskAction action) {
      if (action instanceof Launch launch) {
        return launch(launch);
      } else if (action instanceof Start start) {
        return start(start.containers());
      } else if (action instanceof Record record) {
        Instant now = clock.instant();
        write(ref, t -> TaskLifecycle.observe(t, definition, record.seen(), now, record.registers()));
      } else if (action instanceof RegisterTargets) {
        registerTargets();
      } else if (action instanceof DeregisterTargets) {
        Task task = read(ref);
        drain = task == null || targets.deregister(ref.scope(), ref.key(), task) ? Drain.DRAINED : Drain.DRAINING;
      } else if (action instanceof Deactivate) {
        write(ref, TaskLifecycle::deactivated);
      } else if (action instanceof FailToStart failure) {
        fail(failure.reason(), failure.containerName());
      } else if (action instanceof WaitForEngine) {
        log.info("Task {} waits for the Docker engine at {} to answer again", taskArn(), engine.status().host());
      } else if (action instanceof StopContainers stop) {
        return stopContainers(stop.stops());
      } else if (action instanceof Deprovision) {
        releaseSandbox(read(ref));
        write(ref, t -> TaskLifecycle.deprovisioned(t, clock.instant()));
      } else if (action instanceof AmendOutOfMemory amend) {
        write(ref, t -> TaskLifecycle.amendOutOfMemory(t, amend.containerName()));
      }
      return Optional.empty();
    }

    private Optional<TaskPlan> launch(Launch launch) {
      List<String> create = launch.create();
      launched = true;
      Task task = read(ref);
      if (task == null) {
        return Optional.of(TaskPlan.done(List.of()));
      }
      // Read when containers are to be made, before the sandbox: a task whose secrets fail makes nothing.
      if (!create.isEmpty()) {
        try {
          values = secrets.resolve(ref.scope(), definition);
        } catch (SecretsUnavailable e) {
          log.info("Task {} failed to start: {}", task.taskArn(), e.reason()); // names sources, never values
          return Optional.of(TaskPlan.thenObserve(List.of(new FailToStart(e.reason(), null))));
        }
      }
      String containerName = null;
      try {
        LaunchContext context = context(task);
        Optional<ContainerSpec> sandboxSpec = specs.sandbox(definition, task.overrides(), context);
        if (sandboxSpec.isPresent()) {
          Sandbox sandbox = sandboxes.ensure(ref, () -> runtime.createSandbox(sandboxSpec.get()));
          context = context.withSandbox(sandbox);
          if (TaskStatus.of(task.lastStatus()) == TaskStatus.PROVISIONING) {
            String ip = sandbox.ipAddress() == null ? "127.0.0.1" : sandbox.ipAddress();
            task = write(ref, t -> TaskLifecycle.provisioned(t, ip, clock.instant()));
          }
        }
        for (VolumeSpec volume : specs.volumes(definition, context)) {
          runtime.ensureVolume(volume);
        }
        if (create.isEmpty()) {
          return Optional.empty();
        }
        Instant pullStarted = clock.instant();
        Map<String, LocalImage> images = new HashMap<>();
        for (String name : create) {
          containerName = name;
          images.put(name, runtime.ensureImage(definition(name).image(), settings.pullPolicy(),
              values.registryAuth(name)));
        }
        Instant pullStopped = clock.instant();
        Map<String, ContainerObservation> created = new LinkedHashMap<>();
        for (String name : create) {
          containerName = name;
          ContainerDefinition cd = definition(name);
          logs.beforeCreate(ref.scope(), task, definition, name);
          ContainerSpec spec = values.inject(specs.container(definition, cd, task.overrides(), context), cd)
              .withImage(images.get(name).reference());
          created.put(name, Observations.created(name, runtime.createContainer(spec)));
        }
        UnaryOperator<Task> pulled =
            t -> TaskLifecycle.pullStopped(TaskLifecycle.pullStarted(t, pullStarted), pullStopped);
        if (!launch.start().isEmpty()) {
          return startCreated(task, launch, created, pulled);
        }
        // One commit for the pull times and the new containers' IDs (each commit is an fsync); a crash
        // before it leaves containers the next pass finds again by name.
        recordCreated(created, pulled);
        return Optional.empty();
      } catch (ContainerRuntimeException e) {
        return Optional.of(failed(e, containerName));
      } catch (RuntimeException bug) {
        throw values.scrub(bug); // logged as a bug upstream: without the values
      }
    }

    /**
     * The rest of a launch that starts containers at once ({@link Launch#start}): starts them, inspects them (what
     * the next round's observation would show) and records it all, with the created containers and the pull times,
     * in one commit. A start Docker refuses records the created containers first, then the failure.
     */
    private Optional<TaskPlan> startCreated(Task task, Launch launch, Map<String, ContainerObservation> created,
        UnaryOperator<Task> pulled) {
      Map<String, ContainerObservation> seen = new LinkedHashMap<>(created);
      String containerName = null;
      try {
        for (String name : launch.start()) {
          containerName = name;
          String runtimeId = created.get(name).runtimeId();
          logs.beforeStart(ref.scope(), task, definition, name, runtimeId);
          runtime.startContainer(runtimeId);
        }
      } catch (ContainerRuntimeException e) {
        recordCreated(created, pulled);
        return Optional.of(failed(e, containerName));
      } catch (RuntimeException bug) {
        recordCreated(created, pulled);
        throw values.scrub(bug);
      }
      try {
        for (String name : launch.start()) {
          runtime.inspect(created.get(name).runtimeId())
              .ifPresent(o -> seen.put(name, Observations.of(name, o, definition, sandboxes.get(ref))));
        }
      } catch (ContainerRuntimeException e) {
        log.debug("Cannot observe task {} now: {}", task.taskArn(), e.reason()); // the next round observes again
      }
      Instant now = clock.instant();
      write(ref, t -> TaskLifecycle.observe(pulled.apply(t), definition, List.copyOf(seen.values()), now,
          launch.registers()));
      return Optional.empty();
    }

    private void recordCreated(Map<String, ContainerObservation> created, UnaryOperator<Task> pulled) {
      Instant now = clock.instant();
      write(ref, t -> TaskLifecycle.observe(pulled.apply(t), definition, List.copyOf(created.values()), now));
    }

    private Optional<TaskPlan> start(List<String> containers) {
      Task task = read(ref);
      if (task == null) {
        return Optional.of(TaskPlan.done(List.of()));
      }
      String containerName = null;
      try {
        for (String name : containers) {
          containerName = name;
          String runtimeId = TaskReconciler.runtimeId(task, name);
          logs.beforeStart(ref.scope(), task, definition, name, runtimeId);
          runtime.startContainer(runtimeId);
        }
        return Optional.empty();
      } catch (ContainerRuntimeException e) {
        return Optional.of(failed(e, containerName));
      } catch (RuntimeException bug) {
        throw values.scrub(bug);
      }
    }

    /** Docker refused a launch or a start: an outage if the engine went away under it, else the task's failure. */
    private TaskPlan failed(ContainerRuntimeException e, String containerName) {
      String reason = values.scrub(e.reason()); // Docker's words might quote a value handed to it
      EngineStatus probed = engine.probe();
      if (probed.reachable()) {
        log.info("Task {} failed to start: {}", taskArn(), reason);
      }
      return reconciler.afterFailure(read(ref), probed, reason, containerName);
    }

    /**
     * The task could not start; the container that failed, if known, stops with the same reason.
     */
    private void fail(String reason, String containerName) {
      Instant now = clock.instant();
      write(ref, t -> {
        Task failed = TaskLifecycle.failedToStart(t, reason, now);
        Container c = containerName == null ? null : TaskReconciler.container(failed, containerName);
        if (c == null) {
          return failed;
        }
        return TaskLifecycle.observe(failed, definition,
            List.of(Observations.neverStarted(containerName, c.runtimeId(), reason)), now);
      });
    }

    /** Registers the task's targets (outside any store transaction), then records ACTIVATING → RUNNING. */
    private void registerTargets() {
      Task task = read(ref);
      if (task != null) {
        targets.register(ref.scope(), ref.key(), task);
        write(ref, t -> TaskLifecycle.activated(t, clock.instant()));
      }
    }

    /** A stop Docker refuses ends the pass (logged): the next pass tries again. */
    private Optional<TaskPlan> stopContainers(List<ContainerStop> stops) {
      try {
        for (ContainerStop stop : stops) {
          runtime.stopContainer(stop.runtimeId(), stop.timeout());
        }
        stopped = true;
        return Optional.empty();
      } catch (ContainerRuntimeException e) {
        log.warn("Could not stop all containers of {}: {}", taskArn(), e.reason());
        return Optional.of(TaskPlan.done(List.of()));
      }
    }

    private void releaseSandbox(Task task) {
      Sandbox sandbox = sandboxes.get(ref);
      if (sandbox != null) {
        // Killed now (its PID 1 ignores SIGTERM); removed with the task's containers at clean-up.
        runtime.stopContainer(sandbox.id(), Duration.ZERO);
      } else if (task != null) {
        // Not known in memory (DEPROVISIONING: an awsvpc task launched before a restart): find it by its labels.
        List<String> containerIds = task.containers().stream().map(Container::runtimeId).toList();
        runtime.listManaged().stream()
            .filter(o -> task.taskArn().equals(o.taskArn()) && !containerIds.contains(o.id()))
            .forEach(o -> runtime.stopContainer(o.id(), Duration.ZERO));
      }
    }

    /** The task's ARN for a log line (its ref when it is gone). */
    private Object taskArn() {
      Task task = read(ref);
      return task == null ? ref : task.taskArn();
    }

    private ContainerDefinition definition(String name) {
      return definition.containerDefinitions().stream().filter(cd -> cd.name().equals(name)).findFirst()
          .orElseThrow();
    }

    private LaunchContext context(Task task) {
      String clusterName = ref.key().substring(0, ref.key().indexOf('/'));
      String taskId = ref.key().substring(ref.key().indexOf('/') + 1);
      boolean taskCgroups = false;
      try {
        taskCgroups = runtime.host().taskCgroups();
      } catch (ContainerRuntimeException e) {
        // unknown host facts: cap each container instead
      }
      // A task without a launchType runs as the local instance runs any task: as EC2, RunTask's default.
      String launchType = task.launchType() != null ? task.launchType() : "EC2";
      return new LaunchContext(ref.scope(), clusterName, task.taskArn(), taskId, launchType,
          settings.bindAddress(), instanceLabels, settings.taskEndpoint().current(), taskCgroups, null);
    }
  }

  // ---- store access ----

  private Task read(TaskRef ref) {
    return store.read(ref.scope(), v -> v.get(TASK, ref.key())).orElse(null);
  }

  private Task write(TaskRef ref, UnaryOperator<Task> change) {
    return store.write(ref.scope(), txn -> {
      Task current = txn.get(TASK, ref.key()).orElse(null);
      if (current == null) {
        return null;
      }
      Task next = change.apply(current);
      if (next != current) {
        txn.put(TASK, ref.key(), next);
      }
      return next;
    });
  }
}
