package dev.ecsemulator.core.logs;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable run of one stream's events, stored as one record (kind {@code logs-chunk}, key
 * {@code GROUP:STREAM:NUMBER}, see {@link LogKeys}): one per accepted batch, so a batch costs one new record and never
 * a rewrite of what the stream held. Events are in timestamp order; those of one timestamp in the order they came.
 * Timestamps and messages are parallel columns (no object per event, in memory or in the JSON).
 *
 * @param order the chunk's place among all chunks ever written to its group (ties of timestamp across streams sort by
 *     it, as AWS sorts by ingestion)
 * @param ingestionTime when the batch was stored (milliseconds), every event's {@code ingestionTime}
 * @param firstSeq the stream sequence number of the first event; the i-th has {@code firstSeq + i}
 * @param bytes the events' bytes as PutLogEvents counts them ({@link #eventBytes})
 */
public record EventChunk(long order, long ingestionTime, long firstSeq, long[] timestamps, List<String> messages,
    long bytes) {

  /** What PutLogEvents counts for each event besides its message: "plus 26 bytes for each log event". */
  public static final int EVENT_OVERHEAD = 26;

  public EventChunk {
    Objects.requireNonNull(timestamps, "timestamps");
    messages = List.copyOf(messages);
    if (timestamps.length != messages.size() || timestamps.length == 0) {
      throw new IllegalArgumentException("a chunk holds one or more events, as many timestamps as messages");
    }
  }

  /** A chunk of events already in timestamp order. */
  public static EventChunk of(long order, long ingestionTime, long firstSeq, long[] timestamps, List<String> messages) {
    long bytes = 0;
    for (String message : messages) {
      bytes += eventBytes(message);
    }
    return new EventChunk(order, ingestionTime, firstSeq, timestamps, messages, bytes);
  }

  /** The bytes PutLogEvents counts for an event: its message in UTF-8, plus {@value #EVENT_OVERHEAD}. */
  public static long eventBytes(String message) {
    return Utf8.length(message) + EVENT_OVERHEAD;
  }

  public int size() {
    return timestamps.length;
  }

  public long timestamp(int i) {
    return timestamps[i];
  }

  public String message(int i) {
    return messages.get(i);
  }

  public long seq(int i) {
    return firstSeq + i;
  }

  public long minTimestamp() {
    return timestamps[0];
  }

  public long maxTimestamp() {
    return timestamps[timestamps.length - 1];
  }

  /** This chunk without its first {@code count} events (fewer than it has). */
  public EventChunk withoutFirst(int count) {
    if (count <= 0 || count >= size()) {
      throw new IllegalArgumentException("can drop 1 to " + (size() - 1) + " events, not " + count);
    }
    return of(order, ingestionTime, firstSeq + count, Arrays.copyOfRange(timestamps, count, size()),
        messages.subList(count, size()));
  }

  /** The index of the first event at or after {@code timestamp} ({@link #size()} when none is). */
  public int firstAtOrAfter(long timestamp) {
    int low = 0;
    int high = timestamps.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (timestamps[mid] < timestamp) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  // A record compares arrays by identity; chunks are compared by content (the store compares values to find changes).
  @Override
  public boolean equals(Object other) {
    return other instanceof EventChunk c && order == c.order && ingestionTime == c.ingestionTime
        && firstSeq == c.firstSeq && bytes == c.bytes && Arrays.equals(timestamps, c.timestamps)
        && messages.equals(c.messages);
  }

  @Override
  public int hashCode() {
    return Objects.hash(order, ingestionTime, firstSeq, bytes, Arrays.hashCode(timestamps), messages);
  }

  @Override
  public String toString() {
    return "EventChunk[order=" + order + ", firstSeq=" + firstSeq + ", events=" + size() + ", bytes=" + bytes + "]";
  }
}
