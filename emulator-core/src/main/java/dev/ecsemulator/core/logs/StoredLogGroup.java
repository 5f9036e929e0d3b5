package dev.ecsemulator.core.logs;

import java.util.Map;
import java.util.TreeMap;

/**
 * A log group as stored (kind {@code logs-group}, keyed by its name). Its events live in {@link EventChunk}s, its streams
 * in {@link StoredLogStream}s; this small record changes with every batch (the bytes stored, the batch counter) and is
 * rewritten then, never the events.
 *
 * @param retentionInDays null: events never expire
 * @param storedBytes the events' bytes as PutLogEvents counts a batch (UTF-8 message plus 26 per event)
 * @param streamsCreated how many streams were ever created in it: numbers the next one (event IDs use the number)
 * @param batches how many chunks were ever written to it: orders the next one among all chunks of the group
 */
public record StoredLogGroup(
    String name,
    long creationTime,
    Integer retentionInDays,
    String kmsKeyId,
    String logGroupClass,
    Boolean deletionProtectionEnabled,
    Map<String, String> tags,
    long storedBytes,
    long streamsCreated,
    long batches) {

  public StoredLogGroup {
    tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  public StoredLogGroup withRetention(Integer days) {
    return new StoredLogGroup(name, creationTime, days, kmsKeyId, logGroupClass, deletionProtectionEnabled, tags,
        storedBytes, streamsCreated, batches);
  }

  public StoredLogGroup withTags(Map<String, String> newTags) {
    return new StoredLogGroup(name, creationTime, retentionInDays, kmsKeyId, logGroupClass, deletionProtectionEnabled,
        newTags, storedBytes, streamsCreated, batches);
  }

  public StoredLogGroup withDeletionProtection(boolean enabled) {
    return new StoredLogGroup(name, creationTime, retentionInDays, kmsKeyId, logGroupClass, enabled, tags, storedBytes,
        streamsCreated, batches);
  }

  /** With {@code delta} bytes more (or fewer, when negative). */
  public StoredLogGroup withStoredBytes(long delta) {
    return new StoredLogGroup(name, creationTime, retentionInDays, kmsKeyId, logGroupClass, deletionProtectionEnabled,
        tags, storedBytes + delta, streamsCreated, batches);
  }

  /** With one more stream created. */
  public StoredLogGroup withStreamCreated() {
    return new StoredLogGroup(name, creationTime, retentionInDays, kmsKeyId, logGroupClass, deletionProtectionEnabled,
        tags, storedBytes, streamsCreated + 1, batches);
  }

  /** With one more chunk written, of {@code bytes}. */
  public StoredLogGroup withBatch(long bytes) {
    return new StoredLogGroup(name, creationTime, retentionInDays, kmsKeyId, logGroupClass, deletionProtectionEnabled,
        tags, storedBytes + bytes, streamsCreated, batches + 1);
  }
}
