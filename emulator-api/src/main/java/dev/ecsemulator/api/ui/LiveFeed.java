package dev.ecsemulator.api.ui;

import dev.ecsemulator.api.ui.FeedMessages.Changes;
import dev.ecsemulator.api.ui.FeedMessages.Ref;
import dev.ecsemulator.api.ui.FeedMessages.Snapshot;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.task.ContainerStatus;
import dev.ecsemulator.core.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The dashboard's live updates: each watcher (a browser's event stream) gets its scope's clusters, services and tasks
 * once ({@code snapshot}), then the entities that changed ({@code changes}), read again from the store when a commit
 * names them, at most every {@link #COALESCE}; every {@link #STATS_EVERY} the CPU and memory of the scope's running
 * containers ({@code stats}); and a comment every {@link #HEARTBEAT}, which keeps the connection open and finds the
 * watchers that left.
 *
 * <p><b>Nothing without watchers.</b> A commit costs one volatile read while nobody watches; no thread runs, no state
 * is read and Docker is not asked. The feed's threads are made when the first watcher comes and end a minute after
 * the last one leaves.
 *
 * <p><b>Order.</b> Reads and sends of snapshots and changes happen on one thread, so a watcher gets its snapshot
 * before any change, and a change is read after the commit that named it: the last message about an entity is its
 * state after the last commit. Thread-safe.
 */
final class LiveFeed implements AutoCloseable {

  /** How long changes are gathered before they are read and sent: a rollout commits in bursts. */
  static final Duration COALESCE = Duration.ofMillis(100);

  /** How often each watcher gets a comment: within Jetty's 30 s idle timeout. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  /** How often running containers' CPU and memory are read while someone watches. */
  static final Duration STATS_EVERY = Duration.ofSeconds(2);

  /** The most containers whose stats are read per round. */
  static final int MAX_STATS_CONTAINERS = 64;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveFeed.class);

  private final StateStore store;
  private final Clock clock;
  private final StatsSampler stats;
  private final BooleanSupplier engineReachable;
  private final AtomicLong reads = new AtomicLong();
  /** The scopes whose last stats message named containers (only the stats thread uses it). */
  private final Set<Scope> statsShown = new HashSet<>();

  private final Object lock = new Object();
  /** Whether anyone watches: all a commit looks at when nobody does. */
  private volatile boolean watched;
  private final List<Watcher> watchers = new ArrayList<>(); // guarded by lock
  private Map<Scope, Set<Ref>> dirty = new HashMap<>(); // guarded by lock
  private final Set<Scope> knownScopes = new HashSet<>(); // guarded by lock
  private boolean scopesChanged; // guarded by lock
  private boolean flushPending; // guarded by lock
  private boolean closed; // guarded by lock
  private ScheduledThreadPoolExecutor feedThread; // guarded by lock: made with the first watcher
  private ScheduledThreadPoolExecutor statsThread; // guarded by lock
  private final List<ScheduledFuture<?>> rounds = new ArrayList<>(); // guarded by lock: while anyone watches

  private LiveFeed(StateStore store, Clock clock, StatsSource stats, BooleanSupplier engineReachable) {
    this.store = store;
    this.clock = clock;
    this.stats = new StatsSampler(stats);
    this.engineReachable = engineReachable;
  }

  /** A feed of {@code store}'s commits; subscribes to it (for the store's lifetime: it has no unsubscribe). */
  static LiveFeed start(StateStore store, Clock clock, StatsSource stats, BooleanSupplier engineReachable) {
    LiveFeed feed = new LiveFeed(store, clock, stats, engineReachable);
    store.subscribe(feed::onCommit);
    return feed;
  }

  /** One browser's stream, and the scope it shows. */
  private static final class Watcher {
    final EventSink sink;
    final Scope scope;
    volatile boolean ready; // its snapshot was sent

    Watcher(EventSink sink, Scope scope) {
      this.sink = sink;
      this.scope = scope;
    }
  }

  /**
   * Starts sending {@code scope} to {@code sink}: its snapshot at once (on the feed's thread), then changes. Returns
   * at once. After {@link #close}, the sink is closed instead.
   *
   * @return what to run when the sink's stream ends (the browser left)
   */
  Runnable join(EventSink sink, Scope scope) {
    Watcher watcher = new Watcher(sink, scope);
    synchronized (lock) {
      if (closed) {
        sink.close();
        return () -> {};
      }
      if (watchers.isEmpty()) {
        startRounds();
      }
      watchers.add(watcher); // before the snapshot is read: a commit from now on is sent to it as a change
      watched = true;
      feedThread.execute(guarded("snapshot", () -> sendSnapshot(watcher)));
    }
    return () -> leave(watcher);
  }

  /** How many times the feed has read state: zero for as long as nobody has watched. */
  long reads() {
    return reads.get();
  }

  /** How many watchers there are. */
  int watchers() {
    synchronized (lock) {
      return watchers.size();
    }
  }

  private void onCommit(List<Change> changes) {
    if (!watched) {
      return;
    }
    synchronized (lock) {
      if (watchers.isEmpty()) {
        return;
      }
      boolean any = false;
      for (Change change : changes) {
        if (!knownScopes.contains(change.scope())) {
          scopesChanged = true;
          any = true;
        }
        if (FeedMessages.SHOWN.contains(change.kind()) && watchedLocked(change.scope())) {
          dirty.computeIfAbsent(change.scope(), s -> new LinkedHashSet<>()).add(new Ref(change.kind(), change.key()));
          any = true;
        }
      }
      if (any && !flushPending) {
        flushPending = true;
        feedThread.schedule(guarded("changes", this::flush), COALESCE.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private boolean watchedLocked(Scope scope) {
    for (Watcher watcher : watchers) {
      if (watcher.scope.equals(scope)) {
        return true;
      }
    }
    return false;
  }

  private void sendSnapshot(Watcher watcher) {
    reads.incrementAndGet();
    List<FeedMessages.Entry> entries = store.read(watcher.scope, FeedMessages::all);
    List<Scope> scopes = scopesNow();
    String json = FeedMessages.json(new Snapshot(watcher.scope, clock.instant(), scopes, entries));
    if (deliver(watcher, "snapshot", json)) {
      watcher.ready = true;
    }
  }

  private List<Scope> scopesNow() {
    List<Scope> scopes = store.scopes();
    synchronized (lock) {
      knownScopes.addAll(scopes);
    }
    return scopes;
  }

  private void flush() {
    Map<Scope, Set<Ref>> batch;
    boolean sendScopes;
    List<Watcher> targets;
    synchronized (lock) {
      batch = dirty;
      dirty = new HashMap<>();
      sendScopes = scopesChanged;
      scopesChanged = false;
      flushPending = false;
      targets = List.copyOf(watchers);
    }
    for (Map.Entry<Scope, Set<Ref>> scope : batch.entrySet()) {
      reads.incrementAndGet();
      List<FeedMessages.Entry> entries = store.read(scope.getKey(), view -> FeedMessages.current(view, scope.getValue()));
      String json = FeedMessages.json(new Changes(scope.getKey(), clock.instant(), entries));
      for (Watcher watcher : targets) {
        if (watcher.ready && watcher.scope.equals(scope.getKey())) {
          deliver(watcher, "changes", json);
        }
      }
    }
    if (sendScopes) {
      String json = FeedMessages.json(Map.of("scopes", scopesNow()));
      for (Watcher watcher : targets) {
        if (watcher.ready) {
          deliver(watcher, "scopes", json);
        }
      }
    }
  }

  private void heartbeat() {
    for (Watcher watcher : snapshotOfWatchers()) {
      if (!watcher.sink.ping()) {
        leave(watcher);
      }
    }
  }

  /** One round of stats: every running container of each watched scope, read from Docker. */
  private void statsRound() {
    List<Watcher> targets = snapshotOfWatchers().stream().filter(w -> w.ready).toList();
    if (targets.isEmpty() || !engineReachable.getAsBoolean()) {
      return;
    }
    Map<Scope, List<String>> byScope = new LinkedHashMap<>();
    List<String> all = new ArrayList<>();
    for (Watcher watcher : targets) {
      if (!byScope.containsKey(watcher.scope)) {
        reads.incrementAndGet();
        List<String> ids = store.read(watcher.scope, view -> runningContainers(view.list(EcsKinds.TASK)));
        List<String> taken = ids.subList(0, Math.min(ids.size(), Math.max(0, MAX_STATS_CONTAINERS - all.size())));
        byScope.put(watcher.scope, taken);
        all.addAll(taken);
      }
    }
    Map<String, ContainerUsage> usage = all.isEmpty() ? Map.of() : stats.sample(all);
    for (Map.Entry<Scope, List<String>> scope : byScope.entrySet()) {
      Map<String, ContainerUsage> mine = new LinkedHashMap<>();
      for (String id : scope.getValue()) {
        if (usage.containsKey(id)) {
          mine.put(id, usage.get(id));
        }
      }
      if (mine.isEmpty() && !statsShown.remove(scope.getKey())) {
        continue; // nothing runs, and the page was told so already
      }
      if (!mine.isEmpty()) {
        statsShown.add(scope.getKey());
      }
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("at", clock.instant());
      message.put("containers", mine);
      String json = FeedMessages.json(message);
      for (Watcher watcher : targets) {
        if (watcher.scope.equals(scope.getKey())) {
          deliver(watcher, "stats", json);
        }
      }
    }
  }

  private void forgetStats() {
    stats.forget();
    statsShown.clear();
  }

  /** The Docker IDs of the running containers of running tasks. */
  static List<String> runningContainers(List<Task> tasks) {
    List<String> ids = new ArrayList<>();
    for (Task task : tasks) {
      if (!TaskStatus.RUNNING.is(task.lastStatus()) || task.containers() == null) {
        continue;
      }
      for (Container container : task.containers()) {
        if (ContainerStatus.RUNNING.is(container.lastStatus()) && container.runtimeId() != null) {
          ids.add(container.runtimeId());
        }
      }
    }
    return ids;
  }

  private List<Watcher> snapshotOfWatchers() {
    synchronized (lock) {
      return List.copyOf(watchers);
    }
  }

  /** Sends; a watcher whose stream failed leaves. */
  private boolean deliver(Watcher watcher, String event, String json) {
    boolean sent;
    try {
      sent = watcher.sink.send(event, json);
    } catch (RuntimeException e) {
      log.debug("A dashboard stream failed: {}", e.toString());
      sent = false;
    }
    if (!sent) {
      leave(watcher);
    }
    return sent;
  }

  private void leave(Watcher watcher) {
    synchronized (lock) {
      if (!watchers.remove(watcher)) {
        return;
      }
      if (watchers.isEmpty()) {
        watched = false;
        dirty = new HashMap<>();
        scopesChanged = false;
        rounds.forEach(round -> round.cancel(false));
        rounds.clear();
        statsThread.execute(this::forgetStats);
      }
    }
    watcher.sink.close();
  }

  /** Makes the threads if needed and starts the heartbeat and stats rounds. Holding the lock. */
  private void startRounds() {
    if (feedThread == null) {
      feedThread = executor("ecs-dashboard-feed");
      statsThread = executor("ecs-dashboard-stats");
    }
    rounds.add(feedThread.scheduleWithFixedDelay(guarded("heartbeat", this::heartbeat), HEARTBEAT.toMillis(),
        HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS));
    rounds.add(statsThread.scheduleWithFixedDelay(guarded("stats", this::statsRound), 0, STATS_EVERY.toMillis(),
        TimeUnit.MILLISECONDS));
  }

  /** {@code work}, logging what it throws: a periodic task that throws never runs again, and a bug should show. */
  private static Runnable guarded(String what, Runnable work) {
    return () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        log.warn("Dashboard feed: sending {} failed", what, e);
      }
    };
  }

  private static ScheduledThreadPoolExecutor executor(String name) {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    executor.setKeepAliveTime(1, TimeUnit.MINUTES);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** Ends every stream and the feed's threads; later joins are closed at once. Idempotent. */
  @Override
  public void close() {
    List<Watcher> left;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      watched = false;
      left = List.copyOf(watchers);
      watchers.clear();
      rounds.clear();
      if (feedThread != null) {
        feedThread.shutdownNow();
        statsThread.shutdownNow();
      }
    }
    left.forEach(w -> w.sink.close());
  }
}
