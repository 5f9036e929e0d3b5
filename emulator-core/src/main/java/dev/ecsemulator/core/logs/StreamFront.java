package dev.ecsemulator.core.logs;

import static dev.ecsemulator.core.logs.LogsKinds.CHUNK;
import static dev.ecsemulator.core.logs.LogsKinds.STREAM;

import dev.ecsemulator.core.state.StateTxn;

/**
 * Removes a stream's oldest stored events, the only way events leave a stream short of deleting it (size cap,
 * retention): the first chunk goes whole, or is rewritten without its first events. Keeps the stream record in step;
 * the caller settles the group's bytes.
 */
final class StreamFront {

  private StreamFront() {}

  /** The stream's first chunk; call only when {@link StoredLogStream#hasChunks()}. */
  static EventChunk firstChunk(StateTxn txn, StoredLogStream stream) {
    return txn.get(CHUNK, LogKeys.chunk(stream.group(), stream.name(), stream.firstChunk()))
        .orElseThrow(() -> new IllegalStateException("chunk " + stream.firstChunk() + " of " + stream.group() + ":"
            + stream.name() + " is missing"));
  }

  /**
   * Removes the first {@code count} events of {@code first}, the stream's first chunk (all of it when {@code count} is
   * its size or more); returns the stream as it is now stored and the bytes freed.
   */
  static Removed remove(StateTxn txn, StoredLogStream stream, EventChunk first, int count) {
    String key = LogKeys.chunk(stream.group(), stream.name(), stream.firstChunk());
    StoredLogStream after;
    long freed;
    if (count >= first.size()) {
      txn.remove(CHUNK, key);
      freed = first.bytes();
      long next = stream.firstChunk() + 1;
      Long nextFirstTimestamp = next < stream.nextChunk()
          ? txn.get(CHUNK, LogKeys.chunk(stream.group(), stream.name(), next)).map(EventChunk::minTimestamp).orElse(null)
          : null;
      after = stream.withFrontRemoved(freed, next, nextFirstTimestamp);
    } else {
      EventChunk kept = first.withoutFirst(count);
      txn.put(CHUNK, key, kept);
      freed = first.bytes() - kept.bytes();
      after = stream.withFrontRemoved(freed, stream.firstChunk(), kept.minTimestamp());
    }
    txn.put(STREAM, LogKeys.stream(stream.group(), stream.name()), after);
    return new Removed(after, freed);
  }

  record Removed(StoredLogStream stream, long freed) {}
}
