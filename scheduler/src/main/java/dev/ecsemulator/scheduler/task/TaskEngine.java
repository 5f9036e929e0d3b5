package dev.ecsemulator.scheduler.task;

import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.hostaccess.HostAccessRules;
import dev.ecsemulator.core.hostaccess.HostPathPolicy;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.Labels;
import dev.ecsemulator.scheduler.runtime.ContainerEvent;
import dev.ecsemulator.scheduler.runtime.ContainerRuntime;
import dev.ecsemulator.scheduler.runtime.ContainerRuntimeException;
import dev.ecsemulator.scheduler.runtime.ListedContainer;
import dev.ecsemulator.scheduler.runtime.LocalHostPaths;
import dev.ecsemulator.scheduler.runtime.PullPolicy;
import dev.ecsemulator.scheduler.runtime.TaskEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes stored tasks real: the controller that watches {@code EcsKinds.TASK} and Docker, and runs a
 * {@link TaskRunner} pass for a task whenever something about it may have changed:
 *
 * <ul>
 *   <li>a task is created, or its desiredStatus changes (store listener);
 *   <li>Docker reports start, die, oom or health_status for one of its containers (event stream), so a
 *       container's death shows within a moment, not a polling period;
 *   <li>a dependency's startTimeout falls due (timer);
 *   <li>the periodic resync, which repairs missed events; and on start, when the engine comes back and
 *       when the event stream resumes, a full resync that also removes containers of ours whose task is
 *       gone (so a restarted emulator adopts running containers and clears orphans).
 * </ul>
 *
 * Stopped tasks stay in the store for {@link Settings#stoppedTaskRetention} (at least an hour by default,
 * as on AWS); their containers are removed after {@link Settings#containerCleanupDelay}, so their logs can
 * be read meanwhile. Thread-safe; {@link #close} stops it.
 */
public final class TaskEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TaskEngine.class);

  /**
   * @param resyncInterval how often every unstopped task is re-observed (missed-event repair)
   * @param stoppedTaskRetention how long a STOPPED task stays describable
   * @param containerCleanupDelay how long a STOPPED task's containers are kept (for their logs)
   * @param pullPolicy when images are pulled
   * @param bindAddress the address published ports bind to
   * @param taskEndpoint the task metadata and credentials endpoint new containers are told about, asked at
   *     each launch ({@link TaskEndpoint.Source#NONE} when the emulator serves none)
   * @param allowHostAccess launch tasks that ask for host-level access ({@link HostAccessRules}); when false they
   *     stop with TaskFailedToStart before anything of theirs is created
   * @param hostPaths the host paths tasks may bind without host access
   */
  public record Settings(Duration resyncInterval, Duration stoppedTaskRetention, Duration containerCleanupDelay,
      PullPolicy pullPolicy, String bindAddress, TaskEndpoint.Source taskEndpoint, boolean allowHostAccess,
      HostPathPolicy hostPaths) {

    public Settings {
      taskEndpoint = taskEndpoint == null ? TaskEndpoint.Source.NONE : taskEndpoint;
    }

    /** Host access off, with this machine's paths for the local engine. */
    public static Settings defaults(String bindAddress) {
      return new Settings(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1),
          PullPolicy.PREFER_CACHED, bindAddress, TaskEndpoint.Source.NONE, false,
          LocalHostPaths.policy(DockerEngine.resolveHost(null), null));
    }
  }

  private final StateStore store;
  private final ContainerRuntime runtime;
  private final EngineMonitor engine;
  private final Clock clock;
  private final Settings settings;
  private final TaskRunner runner;
  private final OrphanSweeper sweeper;
  private final StoppedTaskCleaner cleaner;
  private final ThreadPoolExecutor pool;
  private final KeyedExecutor work;
  private final ScheduledExecutorService timers;
  private final StopAllTasks stopAllTasks;
  private volatile AutoCloseable events;

  public TaskEngine(StateStore store, ContainerRuntime runtime, EngineMonitor engine, Clock clock,
      EmulatorInstance instance, Settings settings) {
    this(store, runtime, engine, clock, instance, settings, ContainerLogDriver.NONE);
  }

  /** With a log driver that ships containers' output ({@code awslogs}). */
  public TaskEngine(StateStore store, ContainerRuntime runtime, EngineMonitor engine, Clock clock,
      EmulatorInstance instance, Settings settings, ContainerLogDriver logs) {
    this(store, runtime, engine, clock, instance, settings, logs, TaskTargets.NONE);
  }

  /** With the load balancer targets tasks of services register while they run. */
  public TaskEngine(StateStore store, ContainerRuntime runtime, EngineMonitor engine, Clock clock,
      EmulatorInstance instance, Settings settings, ContainerLogDriver logs, TaskTargets targets) {
    this.store = store;
    this.runtime = runtime;
    this.engine = engine;
    this.clock = clock;
    this.settings = settings;
    Sandboxes sandboxes = new Sandboxes();
    this.runner = new TaskRunner(store, runtime, engine, clock, settings, Labels.ownedBy(instance), sandboxes,
        logs, targets);
    this.sweeper = new OrphanSweeper(store, runtime);
    this.cleaner = new StoppedTaskCleaner(store, runtime, sandboxes, logs, settings.stoppedTaskRetention(),
        settings.containerCleanupDelay());
    // Stops block for up to a container's stopTimeout: enough threads that one slow stop does not hold
    // up other tasks. Idle threads go away.
    this.pool = new ThreadPoolExecutor(32, 32, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        daemonThreads("ecs-task"));
    this.pool.allowCoreThreadTimeOut(true);
    this.work = new KeyedExecutor(pool);
    this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("ecs-task-timer"));
    this.stopAllTasks = new StopAllTasks(store, clock, this::submit);
  }

  /** Starts watching: store changes, Docker events, the periodic resync; runs a first full resync now. */
  public void start() {
    store.subscribe(this::onChanges);
    engine.onReconnect(this::fullResync);
    subscribeToEvents();
    timers.scheduleWithFixedDelay(() -> safely(Pace.SPREAD), 0, settings.resyncInterval().toMillis(),
        TimeUnit.MILLISECONDS);
    timers.scheduleWithFixedDelay(engine::probe, 2, 2, TimeUnit.SECONDS);
    timers.execute(this::fullResync);
  }

  private void subscribeToEvents() {
    if (events != null || !engine.reachable()) {
      return;
    }
    try {
      events = runtime.subscribe(this::onEvent);
    } catch (RuntimeException e) {
      log.warn("Cannot follow Docker events yet: {}", e.getMessage());
    }
  }

  private void onChanges(List<Change> changes) {
    boolean tasksChanged = false;
    for (Change change : changes) {
      if (change.kind() != TASK || change.after() == null) {
        continue;
      }
      tasksChanged = true;
      Task before = (Task) change.before();
      Task after = (Task) change.after();
      if (before == null || !Objects.equals(before.desiredStatus(), after.desiredStatus())) {
        submit(new TaskRef(change.scope(), change.key()));
      }
    }
    if (tasksChanged) {
      stopAllTasks.progressed();
    }
  }

  private void onEvent(ContainerEvent event) {
    if (event.kind() == ContainerEvent.Kind.STREAM_RESUMED) {
      fullResync();
      return;
    }
    String arn = event.taskArn();
    if (arn != null) {
      TaskRef.fromArn(arn).ifPresent(this::submit);
    }
  }

  /** Queues a pass for the task (coalesced with one already queued). Dropped while paused. */
  public void submit(TaskRef ref) {
    run(ref.id(), () -> {
      try {
        runner.reconcile(ref).ifPresent(at -> schedule(ref, at));
      } catch (ContainerRuntimeException e) {
        log.warn("Task {}: {}", ref, e.reason());
      } finally {
        stopAllTasks.progressed(); // stopAll waits on passes too, not only on store changes (it may run before start)
      }
    });
  }

  private void run(String key, Runnable pass) {
    work.submit(key, pass);
  }

  /**
   * Runs {@code action} with the engine paused: passes under way finish first, none starts meanwhile and
   * what is submitted meanwhile is dropped. For POST /_emulator/reset, so that no launch in flight
   * recreates a container after the reset removed them all.
   */
  public void whilePaused(Runnable action) throws InterruptedException {
    work.whilePaused(() -> {
      try {
        action.run();
      } finally {
        cleaner.forgetQueued();
      }
    });
  }

  private void schedule(TaskRef ref, Instant at) {
    submitAfter(ref, Math.max(0, Duration.between(clock.instant(), at).toMillis()) + 10);
  }

  /** Submits the task's pass after {@code delayMillis}, from the timer thread. */
  private void submitAfter(TaskRef ref, long delayMillis) {
    timers.schedule(() -> submit(ref), delayMillis, TimeUnit.MILLISECONDS);
  }

  /** How a resync submits the passes of unstopped tasks. */
  enum Pace {
    /** All at once: after a restart or a reconnection, where every task's state may be stale. */
    NOW,
    /**
     * Evenly over half the resync interval: the periodic repair of missed events, over the tasks Docker's
     * container list contradicts ({@link ResyncTriage}; almost always none). Before that triage every unstopped
     * task had a pass here. Submitted at once, the passes of 200 running tasks were a burst of 0.3 to 0.5 s of the
     * emulator's CPU and 0.1 s of the Docker engine's within one second, every 30 s (sampled each second from
     * /proc, 2 cores), which showed in the API's p99 latency at 200 tasks (docs/benchmarks.md, "Scale"). Spread,
     * they take 0.03 to 0.13 s of CPU per second over 15 s (somewhat more in all than the burst: see there).
     */
    SPREAD;

    /** When the pass of the {@code index}th of {@code count} tasks is submitted, in ms after the resync. */
    long delayMillis(int index, int count, Duration interval) {
      return this == SPREAD ? interval.toMillis() / 2 * index / count : 0;
    }
  }

  private void safely(Pace pace) {
    try {
      resync(pace);
    } catch (RuntimeException e) {
      log.error("Bug: resync failed", e);
    }
  }

  /**
   * Re-observes unstopped tasks, cleans up and purges stopped ones whose time has come. After a restart or a
   * reconnection ({@link Pace#NOW}) every unstopped task gets a pass (one inspect per container); the periodic
   * resync ({@link Pace#SPREAD}) lists our containers once and passes only over the tasks whose record the list
   * contradicts ({@link ResyncTriage}): with 200 running tasks, one list call every interval instead of 200
   * inspects.
   */
  void resync(Pace pace) {
    if (!engine.status().reachable()) {
      return;
    }
    subscribeToEvents();
    Instant now = clock.instant();
    Map<String, ListedContainer> listed = pace == Pace.SPREAD ? listed() : null;
    List<TaskRef> unstopped = new ArrayList<>();
    for (Scope scope : store.scopes()) {
      for (String key : store.read(scope, v -> v.keys(TASK))) {
        TaskRef ref = new TaskRef(scope, key);
        Task task = store.read(scope, v -> v.get(TASK, key)).orElse(null);
        if (task == null) {
          continue;
        }
        if (TaskRecords.isFinal(task)) {
          cleaner.handle(ref, task, now, work);
        } else if (listed == null || !ResyncTriage.current(task, listed)) {
          unstopped.add(ref);
        }
      }
    }
    for (int i = 0; i < unstopped.size(); i++) {
      TaskRef ref = unstopped.get(i);
      long delay = pace.delayMillis(i, unstopped.size(), settings.resyncInterval());
      if (delay == 0) {
        submit(ref);
        continue;
      }
      try {
        submitAfter(ref, delay);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        return; // the engine is closing: nothing more to re-observe
      }
    }
    work.prune();
  }

  /** Our containers by ID, from one call of Docker's list; null when the engine did not answer (then every task). */
  private Map<String, ListedContainer> listed() {
    try {
      Map<String, ListedContainer> byId = new HashMap<>();
      for (ListedContainer c : runtime.listManagedStates()) {
        byId.put(c.id(), c);
      }
      return byId;
    } catch (ContainerRuntimeException e) {
      log.debug("Cannot list containers for the resync: {}", e.reason());
      return null;
    }
  }

  /**
   * Resync plus removal of our containers and task-scoped volumes whose task the store no longer knows: what
   * adopts running containers and clears orphans after a restart, and repairs everything after the engine or
   * its event stream comes back. Shared volumes the emulator provisioned are left: they outlive tasks.
   */
  public void fullResync() {
    safely(Pace.NOW);
    if (!engine.status().reachable()) {
      return;
    }
    sweeper.sweep();
  }

  /**
   * Asks every task not yet STOPPED to stop, with stop code {@code UserInitiated} and {@code reason}, and
   * waits up to {@code timeout} until they are STOPPED (their containers stopped as StopTask stops them).
   * For {@code --stop-tasks-on-exit}: call it once nothing else launches tasks (the API and the service
   * controller are closed). With the engine unreachable nothing can be stopped and nothing is asked.
   *
   * @return how many tasks were asked to stop and how many of them reached STOPPED in time
   */
  public StopAll stopAll(String reason, Duration timeout) throws InterruptedException {
    if (!engine.probe().reachable()) {
      return new StopAll(0, 0);
    }
    return stopAllTasks.run(reason, timeout);
  }

  /** What {@link #stopAll} did. */
  public record StopAll(int asked, int stopped) {}

  /**
   * Stops watching: no more resyncs, events or passes. Passes under way may finish (up to a few seconds:
   * a pass cut short could record a failure that did not happen); containers are left as they are, for
   * the next start to adopt.
   */
  @Override
  public void close() {
    timers.shutdownNow();
    AutoCloseable subscription = events;
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        log.debug("closing the event subscription: {}", e.getMessage());
      }
    }
    try {
      if (!work.shutdown(Duration.ofSeconds(10))) {
        log.warn("Task passes still under way after 10 s; interrupting them");
      }
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
