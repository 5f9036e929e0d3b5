package dev.ecsemulator.core.logs;

import java.util.Comparator;

/**
 * A place in the order log events are read in: by timestamp, then by ingestion (the chunk's {@code order} in its
 * group), then by the event's sequence number in its stream. Every stored event has a distinct position; a position
 * also marks the boundary just after the event there, which is what reading tokens hold.
 */
record EventPosition(long timestamp, long order, long seq) implements Comparable<EventPosition> {

  /** Before every event (stored timestamps are 0 or more). */
  static final EventPosition START = new EventPosition(-1, 0, 0);
  /** After every event. */
  static final EventPosition END = new EventPosition(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

  private static final Comparator<EventPosition> ORDER = Comparator.comparingLong(EventPosition::timestamp)
      .thenComparingLong(EventPosition::order)
      .thenComparingLong(EventPosition::seq);

  /** The position of event {@code i} of {@code chunk}. */
  static EventPosition of(EventChunk chunk, int i) {
    return new EventPosition(chunk.timestamp(i), chunk.order(), chunk.seq(i));
  }

  /** The boundary just before event {@code i} of {@code chunk}: every event before it is at or before this. */
  static EventPosition before(EventChunk chunk, int i) {
    return new EventPosition(chunk.timestamp(i), chunk.order(), chunk.seq(i) - 1);
  }

  @Override
  public int compareTo(EventPosition other) {
    return ORDER.compare(this, other);
  }
}
