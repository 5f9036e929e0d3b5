package dev.ecsemulator.scheduler.metrics;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.autoscaling.ApplicationAutoScaling;
import dev.ecsemulator.core.cloudwatch.CloudWatch;
import dev.ecsemulator.core.cloudwatch.MetricWrites.Sample;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.metrics.Utilization.Reading;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's monitoring clock, on a thread of its own: every metrics period (60 s as CloudWatch, or
 * {@code --metrics-period}), at whole multiples of it, one {@link #tick}:
 *
 * <ol>
 *   <li>reads the running tasks' usage ({@link UsageCollector}: one Docker stats call per container; no call when no
 *       task runs or the engine is away) and publishes AWS/ECS CPUUtilization and MemoryUtilization for the period
 *       that just ended ({@link Utilization}), stamped with its start;
 *   <li>lets each added {@link Source} publish its metrics for that period (ELBv2's AWS/ApplicationELB);
 *   <li>evaluates every CloudWatch alarm, whose actions may scale services;
 *   <li>runs the Application Auto Scaling scheduled actions that are due;
 *   <li>once an hour, drops metric data and alarm history past their retention.
 * </ol>
 *
 * A step that fails is logged and the next tick tries again. {@link #close} stops it, a tick under way finishing.
 */
public final class MetricsLoop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MetricsLoop.class);
  private static final Duration SWEEP_EVERY = Duration.ofHours(1);

  private final Clock clock;
  private final Duration period;
  private final UsageCollector collector;
  private final ContainerStats stats;
  private final BooleanSupplier engineReachable;
  private final CloudWatch cloudWatch;
  private final ApplicationAutoScaling autoScaling;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "ecs-emulator-metrics");
    thread.setDaemon(true);
    return thread;
  });
  private Instant lastSweep;
  private final List<Source> sources = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong statsCalls = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong collectNanos = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();

  /**
   * What the loop has cost since it started, for the health answer and the benchmark: its ticks, the Docker stats
   * calls they made, the wall time of reading usage (collection), and CPU time: the loop thread's (all of each tick:
   * collection, publication, alarms) plus its reading threads' ({@code readCpuSeconds}, also in {@code cpuSeconds}).
   */
  public record Totals(long periodSeconds, long ticks, long statsCalls, double collectSeconds, double cpuSeconds,
      double readCpuSeconds) {}

  public Totals totals() {
    double reads = collector.readCpuSeconds();
    return new Totals(period.toSeconds(), ticks.get(), statsCalls.get(), collectNanos.get() / 1e9,
        cpuNanos.get() / 1e9 + reads, reads);
  }

  MetricsLoop(StateStore store, Clock clock, Duration period, ContainerStats stats, BooleanSupplier engineReachable,
      CloudWatch cloudWatch, ApplicationAutoScaling autoScaling) {
    this.clock = clock;
    this.period = period;
    this.collector = new UsageCollector(store, stats);
    this.stats = stats;
    this.engineReachable = engineReachable;
    this.cloudWatch = cloudWatch;
    this.autoScaling = autoScaling;
    this.lastSweep = clock.instant();
  }

  /**
   * Metrics another part of the emulator publishes every period, before the alarms are evaluated (so an alarm sees the
   * period that just ended). Called on the loop's thread; a source that throws is logged and the others still run.
   */
  public interface Source {

    /**
     * @param periodStart the start of the period that just ended, the timestamp of its data
     * @param resolution the storage resolution of its data: 1 when the period is under a minute, else 60
     */
    void publish(Instant periodStart, int resolution);
  }

  /** Adds a source, published from the next tick on. */
  public void add(Source source) {
    sources.add(source);
  }

  /** A loop ticking every {@code period}, from the next multiple of it. */
  public static MetricsLoop start(StateStore store, Clock clock, Duration period, ContainerStats stats,
      BooleanSupplier engineReachable, CloudWatch cloudWatch, ApplicationAutoScaling autoScaling) {
    MetricsLoop loop = new MetricsLoop(store, clock, period, stats, engineReachable, cloudWatch, autoScaling);
    long millis = period.toMillis();
    long delay = millis - Math.floorMod(clock.millis(), millis);
    loop.executor.scheduleAtFixedRate(loop::tickLogged, delay, millis, TimeUnit.MILLISECONDS);
    return loop;
  }

  private void tickLogged() {
    long cpu = ThreadCpu.nanos();
    try {
      tick(clock.instant());
    } catch (RuntimeException e) {
      log.warn("metrics period: {}", e.toString());
    } finally {
      ticks.incrementAndGet();
      long after = ThreadCpu.nanos();
      if (cpu >= 0 && after >= 0) {
        cpuNanos.addAndGet(after - cpu);
      }
    }
  }

  /** One period's work at {@code now}; returns how many Docker stats calls it made. */
  int tick(Instant now) {
    int calls = 0;
    long seconds = period.toSeconds();
    Instant start = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds - seconds);
    int resolution = seconds < 60 ? 1 : 60;
    if (engineReachable.getAsBoolean()) {
      long begin = System.nanoTime();
      Map<Scope, List<Reading>> readings = collector.collect();
      collectNanos.addAndGet(System.nanoTime() - begin);
      calls = collector.lastCalls();
      statsCalls.addAndGet(calls);
      readings.forEach((scope, list) -> {
        List<Sample> samples = Utilization.samples(list, start, resolution);
        cloudWatch.metrics().publish(scope, Utilization.NAMESPACE, samples);
      });
    }
    for (Source source : sources) {
      try {
        source.publish(start, resolution);
      } catch (RuntimeException e) {
        log.warn("metrics period, {}: {}", source, e.toString());
      }
    }
    cloudWatch.evaluateAlarms(now);
    autoScaling.runScheduledActions(now);
    if (!now.isBefore(lastSweep.plus(SWEEP_EVERY))) {
      lastSweep = now;
      cloudWatch.sweep(now);
    }
    return calls;
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      collector.close();
      try {
        stats.close();
      } catch (IOException e) {
        log.debug("closing the stats connections: {}", e.getMessage());
      }
    }
  }
}
