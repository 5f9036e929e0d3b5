package dev.ecsemulator.core.state.durable;

import java.time.Clock;

/**
 * How a {@link DurableStateStore} opens and runs.
 *
 * @param resetState move any existing state aside (to {@code state.reset-<time>}) and start empty
 * @param compactAfterBytes write a snapshot and drop the journal once the journal file holds this many
 *     bytes (or more than the last snapshot, whichever is larger, so compaction stays linear)
 * @param compactOnClose write a snapshot on a graceful close, so the next start replays nothing; tests
 *     turn it off to leave the files exactly as a kill would
 * @param maxBatch the most commits one journal sync may cover; 1 turns group commit off (for measuring)
 * @param clock names the directories damaged or reset state is moved to, and dates snapshots
 */
public record DurableOptions(boolean resetState, long compactAfterBytes, boolean compactOnClose, int maxBatch, Clock clock) {

  public static final long DEFAULT_COMPACT_AFTER_BYTES = 16L * 1024 * 1024;

  public DurableOptions {
    if (compactAfterBytes <= 0 || maxBatch <= 0) {
      throw new IllegalArgumentException("compactAfterBytes and maxBatch must be positive");
    }
  }

  public static DurableOptions defaults() {
    return new DurableOptions(false, DEFAULT_COMPACT_AFTER_BYTES, true, Integer.MAX_VALUE, Clock.systemUTC());
  }

  public DurableOptions withResetState(boolean reset) {
    return new DurableOptions(reset, compactAfterBytes, compactOnClose, maxBatch, clock);
  }

  public DurableOptions withCompactAfterBytes(long bytes) {
    return new DurableOptions(resetState, bytes, compactOnClose, maxBatch, clock);
  }

  public DurableOptions withCompactOnClose(boolean compact) {
    return new DurableOptions(resetState, compactAfterBytes, compact, maxBatch, clock);
  }

  public DurableOptions withMaxBatch(int batch) {
    return new DurableOptions(resetState, compactAfterBytes, compactOnClose, batch, clock);
  }

  public DurableOptions withClock(Clock c) {
    return new DurableOptions(resetState, compactAfterBytes, compactOnClose, maxBatch, c);
  }
}
