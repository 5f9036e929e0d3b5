package dev.ecsemulator.api.elbv2.plane;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.Elbv2Kinds;
import dev.ecsemulator.core.elbv2.ListenerPorts;
import dev.ecsemulator.core.elbv2.Rules;
import dev.ecsemulator.core.elbv2.StoredListener;
import dev.ecsemulator.core.elbv2.StoredTarget;
import dev.ecsemulator.core.elbv2.StoredTargetGroup;
import dev.ecsemulator.core.elbv2.TargetGroupUsage;
import dev.ecsemulator.core.elbv2.TargetStates;
import dev.ecsemulator.core.elbv2.Targets;
import dev.ecsemulator.core.elbv2.health.HealthMachine;
import dev.ecsemulator.core.elbv2.model.TargetGroup;
import dev.ecsemulator.core.elbv2.model.TargetHealth;
import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ELBv2's data plane: every stored listener as a reverse proxy on the host ({@link ListenerServer}, at the emulator's
 * bind address and the listener's port), routing by its rules to the healthy targets of its groups; health checks of
 * the targets of every group in use ({@link HealthChecks}); and the end of draining.
 *
 * <pre>
 * store change (elbv2-*) ──▶ reconcile: read every scope ──▶ open/close ports, swap each listener's routes,
 *                                                            start/stop health check loops, note draining targets
 * health check result ──▶ HealthMachine ──▶ Targets.recordHealth (a store change: reconcile again)
 * every second, and after each proxied request ──▶ a draining target with nothing in flight, or past its
 *                                                  deregistration delay ──▶ Targets.finishDraining
 * </pre>
 *
 * Reconciles, health check results and drain sweeps all run on the one scheduler thread given; the proxies run on a
 * thread pool of their own. A listener whose port cannot be opened at start (taken meanwhile) is logged and tried again
 * at the next reconcile. {@link #close} closes every port. Thread-safe.
 */
public final class DataPlane implements ListenerPorts, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DataPlane.class);
  /** How often draining targets are looked at, besides after each proxied request. */
  static final Duration DRAIN_SWEEP = Duration.ofSeconds(1);

  private final StateStore store;
  private final Targets targets;
  private final String bind;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final QueuedThreadPool pool;
  /** The health checks' client: made and started with the first listener or check. Guarded by this. */
  private HttpClient healthClient;
  private final HealthChecks checks;
  private final Duration healthCheckSecond;
  private final InFlight inFlight = new InFlight();
  private final RequestMeter requests = new RequestMeter();
  /** Round-robin counters by target group, kept across rebuilds of the routes. */
  private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
  /** Open ports, by port. Guarded by this. */
  private final Map<Integer, ListenerServer> servers = new HashMap<>();
  /** Counts reservations, so that a reconcile does not close a port reserved after it read the state. */
  private final AtomicLong reservations = new AtomicLong();
  private final AtomicBoolean reconcilePending = new AtomicBoolean();
  /** Draining targets as of the last reconcile. Confined to the scheduler thread. */
  private List<StoredTarget> draining = List.of();
  private final Set<String> warnedPorts = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  /** Whether the proxies' pool and the health checks' client run. Guarded by this. */
  private boolean running;

  /**
   * @param scheduler a single-thread scheduler the plane owns from now on (it is shut down on close)
   * @param healthCheckSecond how long one second of a health check interval lasts: a second, or less in tests
   */
  public DataPlane(StateStore store, Targets targets, String bind, Clock clock, ScheduledExecutorService scheduler,
      Duration healthCheckSecond) {
    this.store = store;
    this.targets = targets;
    this.bind = bind;
    this.clock = clock;
    this.scheduler = scheduler;
    this.pool = new QueuedThreadPool(64, 2, 60_000);
    pool.setName("elbv2-listener");
    this.healthCheckSecond = healthCheckSecond;
    this.checks = new HealthChecks(this::healthClient, scheduler, targets::recordHealth);
  }

  /**
   * Opens the stored listeners' ports and starts checking and sweeping. The proxies' thread pool and the health
   * checks' HTTP client start with the first listener or check (the client's classes, and starting it, which builds a
   * TLS context: some hundreds of classes, which an emulator without load balancers need not load before its first
   * answer).
   */
  public void start() {
    store.subscribe(this::changed);
    scheduler.scheduleWithFixedDelay(this::sweepDraining, DRAIN_SWEEP.toMillis(), DRAIN_SWEEP.toMillis(),
        TimeUnit.MILLISECONDS);
    requestReconcile();
  }

  private void changed(List<Change> changes) {
    for (Change change : changes) {
      if (change.kind().name().startsWith("elbv2-")) {
        requestReconcile();
        return;
      }
    }
  }

  /** Asks for a reconcile on the scheduler; requests made while one is pending are one. */
  void requestReconcile() {
    if (!closed && reconcilePending.compareAndSet(false, true)) {
      scheduler.execute(() -> {
        reconcilePending.set(false);
        reconcile();
      });
    }
  }

  /** Starts the proxies' pool and the health checks' client, once; before a port opens or a check runs. */
  private synchronized void running() {
    if (running) {
      return;
    }
    if (closed) {
      throw new IllegalStateException("ELBv2's data plane is closed");
    }
    try {
      pool.start();
      HttpClient client = new HttpClient();
      client.setFollowRedirects(false);
      client.setExecutor(pool);
      client.setName("elbv2-health");
      client.start();
      healthClient = client;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start ELBv2's data plane", e);
    }
    running = true;
  }

  /** The health checks' client, started: {@link #running} has run before any check. */
  private synchronized HttpClient healthClient() {
    running();
    return healthClient;
  }

  @Override
  public void reserve(int port, String listenerArn) {
    synchronized (this) {
      ListenerServer open = servers.get(port);
      if (open != null) {
        if (open.owner().equals(listenerArn) || !listenerExists(open.owner())) {
          return; // already ours, or left by a listener that is gone (the reconcile will give it its new routes)
        }
        throw new dev.ecsemulator.core.elbv2.error.InvalidConfigurationRequestException("ecs-emulator cannot open the "
            + "listener's port " + port + " on " + bind + ": another load balancer's listener (" + open.owner()
            + ") serves it. Choose another port.");
      }
      running();
      servers.put(port, ListenerServer.open(bind, port, listenerArn, reservations.incrementAndGet(), pool, inFlight,
          requests, this::requestSweep));
    }
  }

  private boolean listenerExists(String listenerArn) {
    for (Scope scope : store.scopes()) {
      if (store.read(scope, view -> view.get(Elbv2Kinds.LISTENER, listenerArn).isPresent())) {
        return true;
      }
    }
    return false;
  }

  /** The state the plane needs, read from every scope at one moment. */
  private record Snapshot(List<ListenerRoutes> listeners, Map<String, HealthChecks.Check> checks,
      Map<String, TargetHealth> health, List<StoredTarget> draining, Set<String> keys) {}

  private void reconcile() {
    if (closed) {
      return;
    }
    long seen = reservations.get();
    Snapshot snapshot;
    try {
      snapshot = read();
    } catch (RuntimeException e) {
      log.error("Bug: ELBv2's data plane could not read the state", e);
      return;
    }
    if (!snapshot.listeners().isEmpty() || !snapshot.checks().isEmpty()) {
      running();
    }
    applyPorts(snapshot.listeners(), seen);
    checks.reconcile(snapshot.checks(), snapshot.health());
    draining = snapshot.draining();
    inFlight.retainOnly(snapshot.keys());
    sweepDraining();
  }

  private synchronized void applyPorts(List<ListenerRoutes> listeners, long seen) {
    Set<Integer> wanted = new HashSet<>();
    for (ListenerRoutes routes : listeners) {
      wanted.add(routes.port());
      ListenerServer server = servers.get(routes.port());
      if (server == null) {
        try {
          server = ListenerServer.open(bind, routes.port(), routes.listenerArn(), reservations.incrementAndGet(),
              pool, inFlight, requests, this::requestSweep);
          servers.put(routes.port(), server);
          warnedPorts.remove(routes.listenerArn());
        } catch (RuntimeException e) {
          if (warnedPorts.add(routes.listenerArn())) {
            log.warn("ELBv2 listener {} is not served: {}", routes.listenerArn(), e.getMessage());
          }
          continue;
        }
      }
      server.route(routes);
    }
    for (var it = servers.entrySet().iterator(); it.hasNext(); ) {
      ListenerServer server = it.next().getValue();
      if (!wanted.contains(server.port()) && server.reservedAt() <= seen) {
        server.close();
        it.remove();
      }
    }
  }

  private Snapshot read() {
    List<ListenerRoutes> listeners = new ArrayList<>();
    Map<String, HealthChecks.Check> wantedChecks = new HashMap<>();
    Map<String, TargetHealth> health = new HashMap<>();
    List<StoredTarget> drainingNow = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Scope scope : store.scopes()) {
      store.read(scope, view -> {
        Map<String, Set<String>> usage = TargetGroupUsage.of(view);
        Map<String, TargetPool> pools = new HashMap<>();
        for (StoredTargetGroup stored : view.list(Elbv2Kinds.TARGET_GROUP)) {
          TargetGroup group = stored.targetGroup();
          boolean inUse = usage.containsKey(group.targetGroupArn());
          List<Endpoint> healthy = new ArrayList<>();
          List<Endpoint> failOpen = new ArrayList<>();
          for (StoredTarget target : view.listByKeyPrefix(Elbv2Kinds.TARGET, group.targetGroupArn() + "|")) {
            keys.add(target.key());
            if (target.draining()) {
              drainingNow.add(target);
              continue;
            }
            boolean isHealthy = TargetStates.HEALTHY.equals(target.state());
            Endpoint endpoint = new Endpoint(target.key(), Endpoint.hostOf(group.targetType(), target.id()),
                target.port(), isHealthy ? target.since() : null);
            (isHealthy ? healthy : failOpen).add(endpoint);
            if (isHealthy) {
              failOpen.add(endpoint);
            }
            if (inUse) {
              wantedChecks.put(target.key(), check(scope, group, target));
              health.put(target.key(), target.health());
            }
          }
          pools.put(group.targetGroupArn(), new TargetPool(healthy, failOpen,
              Duration.ofSeconds(stored.slowStartSeconds()), clock,
              counters.computeIfAbsent(group.targetGroupArn(), g -> new AtomicInteger())));
        }
        for (StoredListener listener : view.list(Elbv2Kinds.LISTENER)) {
          listeners.add(new ListenerRoutes(listener.arn(), listener.listener().port(),
              Rules.ofListener(view, listener), pools));
        }
        return null;
      });
    }
    return new Snapshot(listeners, wantedChecks, health, drainingNow, keys);
  }

  private HealthChecks.Check check(Scope scope, TargetGroup group, StoredTarget target) {
    int checkPort = "traffic-port".equals(group.healthCheckPort()) ? target.port()
        : Integer.parseInt(group.healthCheckPort());
    return new HealthChecks.Check(scope, group.targetGroupArn(), target.id(), target.port(),
        Endpoint.hostOf(group.targetType(), target.id()), checkPort, group.healthCheckPath(),
        healthCheckSecond.multipliedBy(group.healthCheckIntervalSeconds()), group.healthCheckTimeoutSeconds(),
        new HealthMachine.Thresholds(group.healthyThresholdCount(), group.unhealthyThresholdCount()),
        group.matcher().httpCode());
  }

  private void requestSweep() {
    if (!closed && !draining.isEmpty()) {
      scheduler.execute(this::sweepDraining);
    }
  }

  /** Ends the draining of targets with nothing in flight, or past their deregistration delay. */
  private void sweepDraining() {
    if (closed || draining.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<StoredTarget> left = new ArrayList<>();
    for (StoredTarget target : draining) {
      boolean done = inFlight.of(target.key()) <= 0 || (target.drainUntil() != null && !now.isBefore(target.drainUntil()));
      if (done) {
        try {
          targets.finishDraining(scopeOf(target), target.targetGroupArn(), target.id(), target.port());
        } catch (RuntimeException e) {
          log.error("Bug: could not end the draining of {}", target.key(), e);
          left.add(target);
        }
      } else {
        left.add(target);
      }
    }
    draining = left;
  }

  /** The scope of a target, read from its group's ARN (region and account are its fourth and fifth fields). */
  private static Scope scopeOf(StoredTarget target) {
    String[] parts = target.targetGroupArn().split(":");
    return new Scope(parts[4], parts[3]);
  }

  /** What the listeners answer, for the AWS/ApplicationELB metrics ({@link AlbMetricsPublisher}). */
  public RequestMeter requests() {
    return requests;
  }

  /** The ports open now (for tests and health). */
  public synchronized Set<Integer> openPorts() {
    return Set.copyOf(servers.keySet());
  }

  /** Closes every port and stops checking. Idempotent. */
  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    checks.stopAll();
    HttpClient client;
    synchronized (this) {
      servers.values().forEach(ListenerServer::close);
      servers.clear();
      client = healthClient;
    }
    try {
      if (client != null) {
        client.stop();
      }
      pool.stop();
    } catch (Exception e) {
      log.debug("stopping ELBv2's data plane: {}", e.toString());
    }
  }
}
