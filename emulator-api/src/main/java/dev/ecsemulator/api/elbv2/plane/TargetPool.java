package dev.ecsemulator.api.elbv2.plane;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The targets of one target group that may get requests, and the round-robin over them: the healthy ones; when none
 * is healthy, every registered one that is not draining (AWS's fail-open: an application load balancer sends to all
 * targets rather than to none). A target in its slow start (the first {@code slow_start.duration_seconds} of being
 * healthy) gets a share that grows linearly with the time it has been healthy. Immutable but for its counter;
 * thread-safe.
 */
final class TargetPool {

  private final List<Endpoint> healthy;
  private final List<Endpoint> failOpen;
  private final Duration slowStart;
  private final Clock clock;
  private final AtomicInteger next;

  TargetPool(List<Endpoint> healthy, List<Endpoint> failOpen, Duration slowStart, Clock clock, AtomicInteger next) {
    this.healthy = List.copyOf(healthy);
    this.failOpen = List.copyOf(failOpen);
    this.slowStart = slowStart;
    this.clock = clock;
    this.next = next;
  }

  /** The next target, or null when the group has none to send to. */
  Endpoint pick() {
    List<Endpoint> from = healthy.isEmpty() ? failOpen : healthy;
    if (from.isEmpty()) {
      return null;
    }
    Instant now = slowStart.isZero() ? null : clock.instant();
    for (int tries = 0; tries < from.size(); tries++) {
      Endpoint candidate = from.get(Math.floorMod(next.getAndIncrement(), from.size()));
      if (now == null || candidate.healthySince() == null || from.size() == 1 || ramped(candidate, now)) {
        return candidate;
      }
    }
    return from.get(Math.floorMod(next.getAndIncrement(), from.size()));
  }

  private boolean ramped(Endpoint endpoint, Instant now) {
    long elapsed = Duration.between(endpoint.healthySince(), now).toMillis();
    long total = slowStart.toMillis();
    return elapsed >= total || ThreadLocalRandom.current().nextLong(total) < elapsed;
  }

  List<Endpoint> all() {
    return healthy.isEmpty() ? failOpen : healthy;
  }
}
