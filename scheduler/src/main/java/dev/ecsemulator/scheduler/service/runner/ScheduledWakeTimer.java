package dev.ecsemulator.scheduler.service.runner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link WakeTimer} on a {@link ScheduledExecutorService}, measuring delays with the injected clock. */
public final class ScheduledWakeTimer implements WakeTimer {

  private final ScheduledExecutorService executor;
  private final Clock clock;
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

  public ScheduledWakeTimer(ScheduledExecutorService executor, Clock clock) {
    this.executor = executor;
    this.clock = clock;
  }

  @Override
  public void schedule(String key, Instant at, Runnable action) {
    long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
    ScheduledFuture<?> next = executor.schedule(() -> {
      pending.remove(key);
      action.run();
    }, delay, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = pending.put(key, next);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  @Override
  public void close() {
    pending.values().forEach(f -> f.cancel(false));
    pending.clear();
  }
}
