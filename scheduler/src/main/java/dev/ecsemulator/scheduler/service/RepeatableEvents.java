package dev.ecsemulator.scheduler.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * De-duplication of events that describe a lasting condition (steady state, restart throttling,
 * placement failure, deployment configuration deadlock). ECS omits a duplicate message "until either
 * the cause is resolved or six hours passes" (ECS developer guide, {@code service-event-messages.md}),
 * and reports the steady state "periodically": we emit a condition's message when it begins, again every
 * 6 hours while it holds, and forget it when it ends, so that its next occurrence is reported.
 */
final class RepeatableEvents {

  static final Duration SUPPRESSION = Duration.ofHours(6);

  private final Map<String, Instant> lastEmitted;
  private final List<String> out;
  private final Instant now;

  RepeatableEvents(Map<String, Instant> lastEmitted, List<String> out, Instant now) {
    this.lastEmitted = new HashMap<>(lastEmitted);
    this.out = out;
    this.now = now;
  }

  /** Emits {@code message} if its condition {@code holds} and it is not suppressed; forgets it otherwise. */
  void condition(String message, boolean holds) {
    if (!holds) {
      lastEmitted.remove(message);
      return;
    }
    Instant last = lastEmitted.get(message);
    if (last == null || !now.isBefore(last.plus(SUPPRESSION))) {
      out.add(message);
      lastEmitted.put(message, now);
    }
  }

  /** The condition's cause was resolved. */
  void forget(String message) {
    lastEmitted.remove(message);
  }

  boolean remembers(String message) {
    return lastEmitted.containsKey(message);
  }

  Map<String, Instant> lastEmitted() {
    return Map.copyOf(lastEmitted);
  }
}
