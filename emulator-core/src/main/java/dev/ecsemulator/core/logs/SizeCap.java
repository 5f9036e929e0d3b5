package dev.ecsemulator.core.logs;

import static dev.ecsemulator.core.logs.LogsKinds.GROUP;
import static dev.ecsemulator.core.logs.LogsKinds.STREAM;

import dev.ecsemulator.core.state.StateTxn;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Holds a log group to its byte budget ({@link LogsSettings#maxGroupBytes()}): while it holds more, the events ingested
 * first go, across all its streams, oldest chunk first and then event by event, so exactly enough leaves. A chunk's
 * place in ingestion is its {@link EventChunk#order()}.
 */
final class SizeCap {

  private SizeCap() {}

  /** Within {@code txn}: removes the group's oldest events until it holds at most {@code maxBytes}. */
  static void enforce(StateTxn txn, String group, long maxBytes) {
    StoredLogGroup stored = LogGroupRef.require(txn, group);
    long excess = stored.storedBytes() - maxBytes;
    if (excess <= 0) {
      return;
    }
    PriorityQueue<Front> oldestFirst = new PriorityQueue<>(Comparator.comparingLong(f -> f.chunk().order()));
    for (StoredLogStream stream : txn.listByKeyPrefix(STREAM, LogKeys.ofGroup(group))) {
      if (stream.hasChunks()) {
        oldestFirst.add(new Front(stream, StreamFront.firstChunk(txn, stream)));
      }
    }
    long freed = 0;
    while (excess > 0 && !oldestFirst.isEmpty()) {
      Front front = oldestFirst.poll();
      StreamFront.Removed removed = StreamFront.remove(txn, front.stream(), front.chunk(), eventsFor(front.chunk(), excess));
      excess -= removed.freed();
      freed += removed.freed();
      if (removed.stream().hasChunks()) {
        oldestFirst.add(new Front(removed.stream(), StreamFront.firstChunk(txn, removed.stream())));
      }
    }
    txn.put(GROUP, LogKeys.group(group), stored.withStoredBytes(-freed));
  }

  /** How many of the chunk's first events make up at least {@code bytes}. */
  private static int eventsFor(EventChunk chunk, long bytes) {
    if (chunk.bytes() <= bytes) {
      return chunk.size();
    }
    long sum = 0;
    int count = 0;
    while (sum < bytes) {
      sum += EventChunk.eventBytes(chunk.message(count));
      count++;
    }
    return count;
  }

  /** A stream and its first chunk. */
  private record Front(StoredLogStream stream, EventChunk chunk) {}
}
