package dev.ecsemulator.core.logs;

/**
 * A log stream as stored (kind {@code logs-stream}, key {@code GROUP:STREAM}: names can hold no colon). Small, rewritten
 * with every batch; its events are the {@link EventChunk}s numbered {@code firstChunk} (inclusive) to
 * {@code nextChunk} (exclusive), always a contiguous run: chunks only ever leave from the front (size cap, retention)
 * or all at once (deletion).
 *
 * @param number the stream's number within its group, for event IDs
 * @param firstEventTimestamp the oldest timestamp held, or null with no events
 * @param lastEventTimestamp the newest timestamp ever stored, or null before the first event
 * @param lastIngestionTime when the last batch was stored, or null before the first
 * @param nextEventSeq the sequence number the next event gets (stable per stream: positions and IDs use it)
 * @param storedBytes its events' bytes, counted as {@link StoredLogGroup#storedBytes()} is
 * @param uploads how many batches it took: makes the sequence token
 */
public record StoredLogStream(
    String group,
    String name,
    long number,
    long creationTime,
    Long firstEventTimestamp,
    Long lastEventTimestamp,
    Long lastIngestionTime,
    long firstChunk,
    long nextChunk,
    long nextEventSeq,
    long storedBytes,
    long uploads) {

  /** A new, empty stream. */
  public static StoredLogStream created(String group, String name, long number, long creationTime) {
    return new StoredLogStream(group, name, number, creationTime, null, null, null, 0, 0, 0, 0, 0);
  }

  public boolean hasChunks() {
    return firstChunk < nextChunk;
  }

  /** After {@code chunk} was stored as its next chunk. */
  public StoredLogStream withAppended(EventChunk chunk) {
    long first = firstEventTimestamp == null ? chunk.minTimestamp() : Math.min(firstEventTimestamp, chunk.minTimestamp());
    long last = lastEventTimestamp == null ? chunk.maxTimestamp() : Math.max(lastEventTimestamp, chunk.maxTimestamp());
    return new StoredLogStream(group, name, number, creationTime, first, last, chunk.ingestionTime(), firstChunk,
        nextChunk + 1, nextEventSeq + chunk.size(), storedBytes + chunk.bytes(), uploads + 1);
  }

  /**
   * After events left from its front: {@code freed} bytes, the first chunk now {@code newFirstChunk}, whose oldest
   * timestamp is {@code newFirstTimestamp} (null when no chunk is left).
   */
  public StoredLogStream withFrontRemoved(long freed, long newFirstChunk, Long newFirstTimestamp) {
    return new StoredLogStream(group, name, number, creationTime, newFirstTimestamp, lastEventTimestamp,
        lastIngestionTime, newFirstChunk, nextChunk, nextEventSeq, storedBytes - freed, uploads);
  }

  /**
   * The sequence token PutLogEvents returns after this stream's latest batch: 56 digits, as AWS's are. Clients no longer
   * need it (PutLogEvents ignores it), but some still read it.
   */
  public String sequenceToken() {
    return String.format("%028d%028d", number + 1, uploads);
  }
}
