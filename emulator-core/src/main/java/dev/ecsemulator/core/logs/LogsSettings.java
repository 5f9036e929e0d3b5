package dev.ecsemulator.core.logs;

import java.time.Duration;

/**
 * How the emulator keeps log events.
 *
 * @param maxGroupBytes the most a log group holds, counted as {@link StoredLogGroup#storedBytes()} is; past it, its
 *     oldest events (first ingested) are removed
 * @param sweepInterval how often events past their group's retention are removed (they are hidden from reads at once)
 */
public record LogsSettings(long maxGroupBytes, Duration sweepInterval) {

  /** 64 MiB a group. */
  public static final long DEFAULT_MAX_GROUP_BYTES = 64L * 1024 * 1024;
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(10);

  public LogsSettings {
    if (maxGroupBytes < 1) {
      throw new IllegalArgumentException("maxGroupBytes must be at least 1, got " + maxGroupBytes);
    }
    if (sweepInterval == null || sweepInterval.isNegative() || sweepInterval.isZero()) {
      throw new IllegalArgumentException("sweepInterval must be positive, got " + sweepInterval);
    }
  }

  public static LogsSettings defaults() {
    return new LogsSettings(DEFAULT_MAX_GROUP_BYTES, DEFAULT_SWEEP_INTERVAL);
  }

  public LogsSettings withMaxGroupBytes(long bytes) {
    return new LogsSettings(bytes, sweepInterval);
  }
}
