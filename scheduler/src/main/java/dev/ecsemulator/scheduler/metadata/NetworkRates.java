package dev.ecsemulator.scheduler.metadata;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The v4 stats' {@code network_rate_stats}: bytes per second received and sent since the previous sample of
 * the same container, as the agent's stats queue computes them between its samples (agent
 * {@code agent/stats/queue.go}). The agent samples all the time; the emulator samples when asked, so the rate
 * spans the time since the previous question, and the first answer for a container has none to compare with
 * and reports 0 (unverified: the agent's very first sample has no rate at all). Remembers the last sample of
 * at most {@link #MAX_CONTAINERS} containers. Thread-safe.
 */
public final class NetworkRates {

  static final int MAX_CONTAINERS = 1024;

  /** Received and sent byte totals over all of a container's interfaces at one moment. */
  public record Totals(Instant read, long rxBytes, long txBytes) {}

  /** The rates, named as the agent's JSON names them. */
  public record Rates(double rxBytesPerSec, double txBytesPerSec) {}

  private final Map<String, Totals> last = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Totals> eldest) {
      return size() > MAX_CONTAINERS;
    }
  };

  /** Records {@code now} for the container and returns the rates since its previous sample. */
  public synchronized Rates next(String containerId, Totals now) {
    Totals before = last.put(containerId, now);
    return between(before, now);
  }

  /** Pure: the rates between two samples; zero without a previous one, across a counter reset or no time. */
  static Rates between(Totals before, Totals now) {
    if (before == null || before.read() == null || now.read() == null) {
      return new Rates(0, 0);
    }
    double seconds = java.time.Duration.between(before.read(), now.read()).toNanos() / 1e9;
    if (seconds <= 0) {
      return new Rates(0, 0);
    }
    return new Rates(rate(now.rxBytes() - before.rxBytes(), seconds), rate(now.txBytes() - before.txBytes(), seconds));
  }

  private static double rate(long bytes, double seconds) {
    return bytes < 0 ? 0 : bytes / seconds;
  }
}
