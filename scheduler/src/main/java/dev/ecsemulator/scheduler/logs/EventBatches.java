package dev.ecsemulator.scheduler.logs;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cuts queued events into batches PutLogEvents would take whole (its API reference): at most 10,000 events and
 * 1,048,576 bytes (each message's UTF-8 plus 26 bytes), spanning at most 24 hours. Events PutLogEvents would set aside
 * (more than 14 days old, more than 2 hours ahead) are dropped, as the driver loses them. Pure.
 */
final class EventBatches {

  static final int MAX_EVENTS = 10_000;
  static final long MAX_BYTES = 1_048_576;
  static final int EVENT_OVERHEAD = 26;
  static final long MAX_SPAN_MILLIS = 24 * 3600_000L;
  static final long MAX_AGE_MILLIS = 14 * 24 * 3600_000L;
  static final long MAX_AHEAD_MILLIS = 2 * 3600_000L;

  private EventBatches() {}

  /** What {@link #take} took from the queue: the batch, and the events it dropped (how many, their bytes). */
  record Taken(List<LogEvent> batch, int dropped, long droppedBytes) {

    static final Taken NOTHING = new Taken(List.of(), 0, 0);

    long bytes() {
      long sum = droppedBytes;
      for (LogEvent event : batch) {
        sum += event.bytes();
      }
      return sum;
    }
  }

  /** Removes the next batch from the head of {@code queue}; the batch is empty when the queue held nothing to send. */
  static Taken take(Deque<LogEvent> queue, long nowMillis) {
    List<LogEvent> batch = new ArrayList<>();
    long bytes = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int dropped = 0;
    long droppedBytes = 0;
    while (!queue.isEmpty() && batch.size() < MAX_EVENTS) {
      LogEvent next = queue.peekFirst();
      long t = next.timestamp();
      if (t < nowMillis - MAX_AGE_MILLIS || t > nowMillis + MAX_AHEAD_MILLIS) {
        queue.removeFirst();
        dropped++;
        droppedBytes += next.bytes();
        continue;
      }
      long size = next.bytes() + (long) EVENT_OVERHEAD;
      if (!batch.isEmpty() && (bytes + size > MAX_BYTES || Math.max(max, t) - Math.min(min, t) > MAX_SPAN_MILLIS)) {
        break;
      }
      queue.removeFirst();
      batch.add(next);
      bytes += size;
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    return new Taken(batch, dropped, droppedBytes);
  }
}
