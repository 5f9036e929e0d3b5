package dev.ecsemulator.api.elbv2.plane;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many proxied requests each target has under way, across routing table rebuilds: what tells a draining target
 * that its requests are done. Thread-safe.
 */
final class InFlight {

  private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  void begin(String key) {
    counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  void end(String key) {
    AtomicInteger count = counts.get(key);
    if (count != null) {
      count.decrementAndGet();
    }
  }

  int of(String key) {
    AtomicInteger count = counts.get(key);
    return count == null ? 0 : count.get();
  }

  /** Forgets targets that are gone and idle. */
  void retainOnly(java.util.Set<String> keys) {
    counts.entrySet().removeIf(e -> !keys.contains(e.getKey()) && e.getValue().get() <= 0);
  }
}
