package dev.ecsemulator.core.logs;

import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;

/**
 * CloudWatch Logs over the state store: its operations ({@link #groups}, {@link #streams}, {@link #events} to write,
 * {@link #queries} to read) and the background removal of expired events. One per emulator; {@link #close} stops the
 * background work. Thread-safe.
 *
 * <pre>
 * PutLogEvents / append ──▶ LogEvents ── one transaction: a new EventChunk, the stream's and group's small records,
 *                                        SizeCap (oldest events out past the group's budget)
 * GetLogEvents / FilterLogEvents ──▶ LogQueries ── chunk references under the read lock, then EventMerge outside it
 * RetentionSweeper ── every interval, and after PutRetentionPolicy: expired fronts of streams out
 * </pre>
 */
public final class Logs implements AutoCloseable {

  private final LogGroups groups;
  private final LogStreams streams;
  private final LogEvents events;
  private final LogQueries queries;
  private final RetentionSweeper sweeper;

  private Logs(StateStore store, Clock clock, LogsSettings settings) {
    this.sweeper = RetentionSweeper.start(store, clock, settings.sweepInterval());
    this.groups = new LogGroups(store, clock, sweeper::request);
    this.streams = new LogStreams(store, clock);
    this.events = new LogEvents(store, clock, settings);
    this.queries = new LogQueries(store, clock);
  }

  /** Logs over {@code store}, its retention sweeps started. */
  public static Logs start(StateStore store, Clock clock, LogsSettings settings) {
    return new Logs(store, clock, settings);
  }

  public LogGroups groups() {
    return groups;
  }

  public LogStreams streams() {
    return streams;
  }

  /** Writing events, including {@link LogEvents#append} for shipping container output. */
  public LogEvents events() {
    return events;
  }

  public LogQueries queries() {
    return queries;
  }

  public RetentionSweeper sweeper() {
    return sweeper;
  }

  /** Stops the background sweeps (one under way finishes). Idempotent. */
  @Override
  public void close() {
    sweeper.close();
  }
}
