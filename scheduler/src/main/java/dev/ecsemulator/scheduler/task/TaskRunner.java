package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.hostaccess.HostAccessRules;
import dev.ecsemulator.core.hostaccess.HostAccessUse;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.task.ContainerObservation;
import dev.ecsemulator.core.task.TaskLifecycle;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.scheduler.runtime.ContainerRuntime;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException;
import dev.ecsemulator.scheduler.runtime.ContainerSpec;
import dev.ecsemulator.scheduler.runtime.ContainerSpecFactory;
import dev.ecsemulator.scheduler.runtime.LaunchContext;
import dev.ecsemulator.scheduler.runtime.LocalImage;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import dev.ecsemulator.scheduler.runtime.Sandbox;
import dev.ecsemulator.scheduler.runtime.UnresolvedInput;
import dev.ecsemulator.scheduler.runtime.VolumeSpec;
import dev.ecsemulator.scheduler.secrets.ResolvedSecrets;
import dev.ecsemulator.scheduler.secrets.SecretsUnavailable;
import dev.ecsemulator.scheduler.secrets.TaskSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One level-triggered pass over one task: observe its containers, decide with the pure
 * {@link TaskLifecycle} and {@link DependencyGate}, act through the {@link ContainerRuntime}, and write the
 * result. Every step is idempotent (containers are created by stable names, stops of stopped containers
 * are no-ops), so a pass may be repeated at any time, after a crash or an event storm alike. The engine
 * runs at most one pass per task at a time; passes for different tasks run in parallel.
 */
final class TaskRunner {

  private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

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

  TaskRunner(StateStore store, ContainerRuntime runtime, EngineMonitor engine, Clock clock,
      TaskEngine.Settings settings, Map<String, String> instanceLabels, Sandboxes sandboxes) {
    this.store = store;
    this.runtime = runtime;
    this.engine = engine;
    this.clock = clock;
    this.settings = settings;
    this.instanceLabels = instanceLabels;
    this.sandboxes = sandboxes;
    this.unrunnable = new UnrunnableTasks(store, runtime, engine, clock, sandboxes);
    this.secrets = TaskSecrets.reading(store, clock);
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
        amendLateOutOfMemory(ref, task);
      }
      return Optional.empty();
    }
    Task stored = task;
    TaskRecords.Check check = store.read(ref.scope(), v -> TaskRecords.check(ref.scope(), stored, v));
    if (!check.runnable()) {
      unrunnable.stop(ref, task, check.reason());
      return Optional.empty();
    }
    try {
      return run(ref, task, check.definition());
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

  private Optional<Instant> run(TaskRef ref, Task task, TaskDefinition definition) {
    Optional<Instant> wake = Optional.empty();
    if ("RUNNING".equals(task.desiredStatus())) {
      wake = launch(ref, task, definition);
    }
    task = observe(ref, definition);
    if (task != null && "STOPPED".equals(task.desiredStatus())) {
      stop(ref, task, definition);
    }
    return wake;
  }

  // ---- launching ----

  private Optional<Instant> launch(TaskRef ref, Task initial, TaskDefinition definition) {
    Task task = initial;
    if (!engine.reachable()) {
      engineGone(ref, task);
      return Optional.empty();
    }
    List<UnresolvedInput> unresolved = specs.unresolved(definition, task.overrides());
    if (!unresolved.isEmpty()) {
      fail(ref, StartFailures.unresolved(unresolved), null, definition);
      return Optional.empty();
    }
    Optional<HostAccessUse> hostAccess = refusedHostAccess(task, definition);
    if (hostAccess.isPresent()) {
      fail(ref, StartFailures.hostAccess(hostAccess.get()), hostAccess.get().containerName(), definition);
      return Optional.empty();
    }
    // Read when containers are to be made, before the sandbox: a task whose secrets fail makes nothing.
    ResolvedSecrets values = ResolvedSecrets.NONE;
    if (definition.containerDefinitions().stream().anyMatch(cd -> runtimeId(initial, cd.name()) == null)) {
      try {
        values = secrets.resolve(ref.scope(), definition);
      } catch (SecretsUnavailable e) {
        log.info("Task {} failed to start: {}", initial.taskArn(), e.reason()); // names sources, never values
        fail(ref, e.reason(), null, definition);
        return Optional.empty();
      }
    }
    String containerName = null;
    try {
      LaunchContext context = context(ref, task);
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
      Task provisioned = task;
      List<ContainerDefinition> toCreate = definition.containerDefinitions().stream()
          .filter(cd -> runtimeId(provisioned, cd.name()) == null).toList();
      if (!toCreate.isEmpty()) {
        Instant pullStarted = clock.instant();
        Map<String, LocalImage> images = new HashMap<>();
        for (ContainerDefinition cd : toCreate) {
          containerName = cd.name();
          images.put(cd.name(), runtime.ensureImage(cd.image(), settings.pullPolicy(), values.registryAuth(cd.name())));
        }
        Instant pullStopped = clock.instant();
        List<ContainerObservation> created = new ArrayList<>();
        for (ContainerDefinition cd : toCreate) {
          containerName = cd.name();
          ContainerSpec spec = values.inject(specs.container(definition, cd, provisioned.overrides(), context), cd)
              .withImage(images.get(cd.name()).reference());
          created.add(Observations.created(cd.name(), runtime.createContainer(spec)));
        }
        // One commit for the pull times and the new containers' IDs (each commit is an fsync), made
        // before any start, so that a crash here leaves containers we can find again.
        Instant now = clock.instant();
        write(ref, t -> TaskLifecycle.observe(
            TaskLifecycle.pullStopped(TaskLifecycle.pullStarted(t, pullStarted), pullStopped),
            definition, created, now));
      }
      containerName = null;
      Task current = read(ref);
      if (current == null || !"RUNNING".equals(current.desiredStatus())) {
        return Optional.empty();
      }
      Map<String, DependencyGate.State> states = gateStates(current, definition);
      DependencyGate.Decision decision = DependencyGate.evaluate(definition, states, clock.instant());
      if (decision.failure().isPresent()) {
        fail(ref, decision.failure().get(), null, definition);
        return Optional.empty();
      }
      for (String name : decision.startable()) {
        containerName = name;
        runtime.startContainer(runtimeId(current, name));
      }
      return decision.wakeAt();
    } catch (ContainerRuntimeException e) {
      if (!engine.probe().reachable()) {
        // The engine went away under the launch: that is an outage, not this task's failure.
        engineGone(ref, read(ref));
        return Optional.empty();
      }
      String reason = values.scrub(e.reason()); // Docker's words might quote a value handed to it
      log.info("Task {} failed to start: {}", task.taskArn(), reason);
      fail(ref, reason, containerName, definition);
      return Optional.empty();
    } catch (RuntimeException bug) {
      throw values.scrub(bug); // logged as a bug upstream: without the values
    }
  }

  /**
   * The host-level access the task asks for while the emulator does not allow it. Judged only before anything of
   * the task exists: the option decides what is launched, and a task already running (adopted after a restart with
   * another setting) is left as it is.
   */
  private Optional<HostAccessUse> refusedHostAccess(Task task, TaskDefinition definition) {
    if (settings.allowHostAccess() || !nothingCreated(task)) {
      return Optional.empty();
    }
    return HostAccessRules.firstUse(definition, settings.hostPaths());
  }

  /**
   * The engine does not answer while the task should run. A Fargate task that has no container yet fails
   * to start, as Fargate reports a task it cannot provision. Any other task waits, as a task placed on an
   * instance whose agent disconnected does: its launch resumes when the engine answers again (the engine
   * monitor's reconnection triggers a full resync), and a task already running keeps its last known state.
   */
  private void engineGone(TaskRef ref, Task task) {
    if (task == null) {
      return;
    }
    if ("FARGATE".equals(task.launchType()) && nothingCreated(task)) {
      fail(ref, StartFailures.engineUnreachable(engine.status()), null, null);
    } else {
      log.info("Task {} waits for the Docker engine at {} to answer again", task.taskArn(), engine.status().host());
    }
  }

  /**
   * What the dependency gate needs: containers that others depend on are inspected now (their exit code
   * and health matter); the others are taken from the task as last observed, which saves an inspect per
   * container on the common path (no dependsOn). Starting a container that already runs is a no-op, so a
   * stale record costs nothing.
   */
  private Map<String, DependencyGate.State> gateStates(Task task, TaskDefinition definition) {
    java.util.Set<String> dependencies = new java.util.HashSet<>();
    for (ContainerDefinition cd : definition.containerDefinitions()) {
      if (cd.dependsOn() != null) {
        cd.dependsOn().forEach(d -> dependencies.add(d.containerName()));
      }
    }
    Map<String, DependencyGate.State> states = new HashMap<>();
    for (Container c : task.containers()) {
      if (c.runtimeId() == null) {
        continue;
      }
      if (!dependencies.contains(c.name())) {
        boolean stopped = "STOPPED".equals(c.lastStatus());
        states.put(c.name(), new DependencyGate.State(true, !"PENDING".equals(c.lastStatus()), stopped,
            c.exitCode(), "HEALTHY".equals(c.healthStatus()), null));
        continue;
      }
      Optional<ObservedContainer> seen = runtime.inspect(c.runtimeId());
      states.put(c.name(), seen.map(o -> new DependencyGate.State(true,
              o.state() != ObservedContainer.State.CREATED,
              o.state() == ObservedContainer.State.EXITED,
              o.exitCode(),
              o.health().status() == ObservedContainer.Health.Status.HEALTHY,
              o.startedAt()))
          .orElse(new DependencyGate.State(true, true, true, null, false, null)));
    }
    return states;
  }

  /**
   * The task could not start; the container that failed, if known (then {@code definition} is given),
   * stops with the same reason.
   */
  private void fail(TaskRef ref, String reason, String containerName, TaskDefinition definition) {
    Instant now = clock.instant();
    write(ref, t -> {
      Task failed = TaskLifecycle.failedToStart(t, reason, now);
      Container c = containerName == null || definition == null ? null : container(failed, containerName);
      if (c == null) {
        return failed;
      }
      return TaskLifecycle.observe(failed, definition,
          List.of(Observations.neverStarted(containerName, c.runtimeId(), reason)), now);
    });
  }

  // ---- observing ----

  /** Folds what Docker shows now into the task; when the engine does not answer, changes nothing. */
  private Task observe(TaskRef ref, TaskDefinition definition) {
    Task task = read(ref);
    if (task == null) {
      return null;
    }
    List<ContainerObservation> seen = new ArrayList<>();
    try {
      for (Container c : task.containers()) {
        if (c.runtimeId() == null) {
          if ("STOPPED".equals(task.desiredStatus())) {
            seen.add(Observations.neverStarted(c.name(), null, null));
          }
          continue;
        }
        Optional<ObservedContainer> container = runtime.inspect(c.runtimeId());
        if (container.isPresent() && container.get().state() == ObservedContainer.State.CREATED
            && "STOPPED".equals(task.desiredStatus())) {
          // Created but never started, and now it never will be.
          seen.add(Observations.neverStarted(c.name(), c.runtimeId(), null));
          continue;
        }
        seen.add(container.map(o -> Observations.of(c.name(), o, definition, sandboxes.get(ref)))
            .orElseGet(() -> Observations.vanished(c.name(), c.runtimeId())));
      }
    } catch (ContainerRuntimeException e) {
      log.debug("Cannot observe task {} now: {}", task.taskArn(), e.reason());
      return task;
    }
    return observeWith(ref, definition, seen);
  }

  private Task observeWith(TaskRef ref, TaskDefinition definition, List<ContainerObservation> seen) {
    Instant now = clock.instant();
    return write(ref, t -> TaskLifecycle.observe(t, definition, seen, now));
  }

  /** An exit 137 recorded before Docker's OOM verdict came in gets its reason now (see TaskLifecycle). */
  private void amendLateOutOfMemory(TaskRef ref, Task task) {
    for (Container c : task.containers()) {
      if (c.runtimeId() == null || c.reason() != null || !Integer.valueOf(137).equals(c.exitCode())) {
        continue;
      }
      try {
        if (runtime.inspect(c.runtimeId()).map(ObservedContainer::outOfMemory).orElse(false)) {
          write(ref, t -> TaskLifecycle.amendOutOfMemory(t, c.name()));
        }
      } catch (ContainerRuntimeException e) {
        log.debug("Cannot inspect {} now: {}", c.runtimeId(), e.reason());
      }
    }
  }

  // ---- stopping ----

  private void stop(TaskRef ref, Task task, TaskDefinition definition) {
    try {
      for (List<String> level : DependencyGate.stopOrder(definition)) {
        for (String name : level) {
          Container c = container(task, name);
          if (c != null && c.runtimeId() != null && !"STOPPED".equals(c.lastStatus())) {
            runtime.stopContainer(c.runtimeId(), stopTimeout(definition, name));
          }
        }
      }
    } catch (ContainerRuntimeException e) {
      log.warn("Could not stop all containers of {}: {}", task.taskArn(), e.reason());
      return;
    }
    Task after = observe(ref, definition);
    if (after != null && TaskStatus.of(after.lastStatus()) == TaskStatus.DEPROVISIONING) {
      releaseSandbox(ref, after);
      write(ref, t -> TaskLifecycle.deprovisioned(t, clock.instant()));
    }
  }

  private void releaseSandbox(TaskRef ref, Task task) {
    Sandbox sandbox = sandboxes.get(ref);
    if (sandbox != null) {
      // Killed now (its PID 1 ignores SIGTERM); removed with the task's containers at clean-up.
      runtime.stopContainer(sandbox.id(), Duration.ZERO);
    } else {
      // Not known in memory (DEPROVISIONING: an awsvpc task launched before a restart): find it by its labels.
      List<String> containerIds = task.containers().stream().map(Container::runtimeId).toList();
      runtime.listManaged().stream()
          .filter(o -> task.taskArn().equals(o.taskArn()) && !containerIds.contains(o.id()))
          .forEach(o -> runtime.stopContainer(o.id(), Duration.ZERO));
    }
  }

  static Duration stopTimeout(TaskDefinition definition, String name) {
    return definition.containerDefinitions().stream()
        .filter(cd -> cd.name().equals(name) && cd.stopTimeout() != null)
        .map(cd -> Duration.ofSeconds(cd.stopTimeout()))
        .findFirst()
        .orElse(ContainerSpecFactory.DEFAULT_STOP_TIMEOUT);
  }

  // ---- store access ----

  private LaunchContext context(TaskRef ref, Task task) {
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

  private static boolean nothingCreated(Task task) {
    return task.containers().stream().allMatch(c -> c.runtimeId() == null);
  }

  private static String runtimeId(Task task, String name) {
    Container c = container(task, name);
    return c == null ? null : c.runtimeId();
  }

  private static Container container(Task task, String name) {
    return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
