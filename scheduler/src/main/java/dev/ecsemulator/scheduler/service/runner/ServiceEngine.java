package dev.ecsemulator.scheduler.service.runner;

import static dev.ecsemulator.core.EcsKinds.SERVICE;
import static dev.ecsemulator.core.EcsKinds.TASK;

import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.Elbv2Kinds;
import dev.ecsemulator.core.instance.HostResources;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.service.ServiceStatus;
import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.task.TaskCreation;
import dev.ecsemulator.scheduler.service.ServiceReconciler;
import dev.ecsemulator.scheduler.task.KeyedExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service engine: keeps every ACTIVE and DRAINING service reconciled.
 *
 * <pre>
 *   store change (the service, or a task of group service:NAME) ─┐
 *   the last plan's wakeAt (WakeTimer)                           ├─► KeyedExecutor (one at a time per service)
 *   safety tick (every {@link Settings#safetyTick})               ┘            │
 *                                                                            ▼
 *                                             ServiceRunner pass in ONE store write: observe, reconcile, record
 * </pre>
 *
 * <p>It never calls Docker: it records new tasks and stop requests; the task engine makes them real and
 * writes what it observes back, which brings the engine back. Changes the engine itself commits
 * do not trigger it again (its plan already accounted for them). Thread-safe; {@link #close} stops it.
 */
public final class ServiceEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServiceEngine.class);

  /**
   * Timing.
   *
   * @param safetyTick how often every live service is reconciled even if nothing signalled a change
   * @param placementRetry how soon a launch that could not be placed is retried
   */
  public record Settings(Duration safetyTick, Duration placementRetry, Duration bakeMinute) {
    /** Bake times of a minute a minute. */
    public Settings(Duration safetyTick, Duration placementRetry) {
      this(safetyTick, placementRetry, ServiceReconciler.MINUTE);
    }

    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    /** With blue/green, linear and canary bake times of {@code minute} a minute. */
    public Settings withBakeMinute(Duration minute) {
      return new Settings(safetyTick, placementRetry, minute);
    }
  }

  private final StateStore store;
  private final Clock clock;
  private final Supplier<HostResources> host;
  private final ServiceRunner runner;
  private final KeyedExecutor executor;
  private final WakeTimer timer;
  private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);
  /** Per service (executor key), the gaps last reported, so that each is logged once. */
  private final Map<String, List<String>> reportedGaps = new ConcurrentHashMap<>();
  private final AutoCloseable resources;
  private volatile boolean closed;

  /**
   * An engine driven by the given executor and timer (tests pass a direct executor and a manual timer).
   * Call {@link #subscribe} to start reacting to store changes.
   *
   * @param host the local engine as a container instance; must not block (a cached status)
   */
  public ServiceEngine(StateStore store, Clock clock, Ids ids, Supplier<HostResources> host,
      String emulatorId, Executor pool, WakeTimer timer, Settings settings) {
    this(store, clock, ids, host, emulatorId, pool, timer, settings, () -> {});
  }

  private ServiceEngine(StateStore store, Clock clock, Ids ids, Supplier<HostResources> host,
      String emulatorId, Executor pool, WakeTimer timer, Settings settings, AutoCloseable resources) {
    this.store = store;
    this.clock = clock;
    this.host = host;
    this.runner = new ServiceRunner(new ServiceReconciler(ids, settings.bakeMinute()),
        new ServiceTaskLauncher(new TaskCreation(ids, emulatorId)), ids, emulatorId, settings.placementRetry());
    this.executor = new KeyedExecutor(pool);
    this.timer = timer;
    this.resources = resources;
  }

  /**
   * Starts an engine on its own threads: two reconcile workers, a timer thread for wake-ups and the
   * safety tick. Already subscribed to the store.
   */
  public static ServiceEngine start(StateStore store, Clock clock, Ids ids, Supplier<HostResources> host,
      String emulatorId, Settings settings) {
    ExecutorService pool = Executors.newFixedThreadPool(2, daemonThreads("service-engine"));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("service-timer"));
    WakeTimer timer = new ScheduledWakeTimer(scheduler, clock);
    AutoCloseable resources = () -> {
      timer.close();
      scheduler.shutdownNow();
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    };
    ServiceEngine engine =
        new ServiceEngine(store, clock, ids, host, emulatorId, pool, timer, settings, resources);
    engine.subscribe();
    long tick = settings.safetyTick().toMillis();
    scheduler.scheduleWithFixedDelay(engine::reconcileAll, tick, tick, TimeUnit.MILLISECONDS);
    engine.reconcileAll();
    return engine;
  }

  /** Reacts to committed store changes from now on. */
  public void subscribe() {
    store.subscribe(this::onChanges);
  }

  /** Schedules a reconcile of every ACTIVE or DRAINING service of every scope. */
  public void reconcileAll() {
    if (closed) {
      return;
    }
    for (Scope scope : store.scopes()) {
      List<String> keys = store.read(scope, view -> view.keys(SERVICE).stream()
          .filter(k -> view.get(SERVICE, k).map(s -> !ServiceStatus.INACTIVE.is(s.status())).orElse(false))
          .toList());
      keys.forEach(k -> reconcile(ServiceRef.ofKey(scope, k)));
    }
    executor.prune();
  }

  /** Schedules a reconcile of one service (coalesced with one already queued). */
  public void reconcile(ServiceRef ref) {
    if (!closed) {
      executor.submit(ref.executorKey(), () -> runPass(ref));
    }
  }

  /** Whether a reconcile of the service is queued or running (for tests). */
  public boolean busy(ServiceRef ref) {
    return executor.busy(ref.executorKey());
  }

  private void runPass(ServiceRef ref) {
    if (closed) {
      return;
    }
    HostResources hostResources = host.get();
    ServiceRunner.Result outcome;
    writing.set(true);
    try {
      outcome = store.write(ref.scope(), txn -> runner.run(txn, ref, hostResources, clock.instant()));
    } finally {
      writing.set(false);
    }
    reportGaps(ref, outcome.gaps());
    if (outcome.live()) {
      outcome.wakeAt().ifPresent(at -> timer.schedule(ref.executorKey(), at, () -> reconcile(ref)));
    }
  }

  /** Says once (per gaps and per process) that a stored service cannot be planned for; forgets when it can. */
  private void reportGaps(ServiceRef ref, List<String> gaps) {
    if (gaps.isEmpty()) {
      reportedGaps.remove(ref.executorKey());
      return;
    }
    if (!gaps.equals(reportedGaps.put(ref.executorKey(), gaps))) {
      log.warn("Service {} in {} is left as it is: {}", ref.storeKey(), ref.scope(), String.join("; ", gaps));
    }
  }

  private void onChanges(List<Change> changes) {
    if (writing.get() || closed) {
      return; // our own commit: the plan that made it already accounted for it
    }
    Set<ServiceRef> touched = new LinkedHashSet<>();
    Set<Scope> targetsChanged = new LinkedHashSet<>();
    for (Change change : changes) {
      if (change.kind().equals(Elbv2Kinds.TARGET)) {
        targetsChanged.add(change.scope()); // a target's health gates the rollouts of services behind load balancers
      } else if (change.kind().equals(SERVICE)) {
        touched.add(ServiceRef.ofKey(change.scope(), change.key()));
      } else if (change.kind().equals(TASK)) {
        Task task = (Task) (change.after() != null ? change.after() : change.before());
        String group = task.group();
        if (group != null && group.startsWith("service:")) {
          String cluster = change.key().substring(0, change.key().indexOf('/'));
          touched.add(new ServiceRef(change.scope(), cluster, group.substring("service:".length())));
        }
      }
    }
    for (Scope scope : targetsChanged) {
      store.read(scope, view -> view.keys(SERVICE).stream()
              .filter(k -> view.get(SERVICE, k).map(ServiceTaskTargets::registers).orElse(false))
              .toList())
          .forEach(k -> touched.add(ServiceRef.ofKey(scope, k)));
    }
    touched.forEach(this::reconcile);
  }

  /** Runs {@code action} with no service pass under way and none starting (see KeyedExecutor#whilePaused). */
  public void whilePaused(Runnable action) throws InterruptedException {
    executor.whilePaused(action);
  }

  @Override
  public void close() {
    closed = true;
    try {
      timer.close();
      resources.close();
    } catch (Exception e) {
      log.warn("Closing the service engine: {}", e.toString());
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
