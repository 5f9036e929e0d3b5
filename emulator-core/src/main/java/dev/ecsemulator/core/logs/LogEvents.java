package dev.ecsemulator.core.logs;

import static dev.ecsemulator.core.logs.LogsKinds.CHUNK;
import static dev.ecsemulator.core.logs.LogsKinds.GROUP;
import static dev.ecsemulator.core.logs.LogsKinds.STREAM;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.logs.error.InvalidParameterException;
import dev.ecsemulator.core.logs.error.ResourceNotFoundException;
import dev.ecsemulator.core.logs.model.InputLogEvent;
import dev.ecsemulator.core.logs.model.PutLogEventsRequest;
import dev.ecsemulator.core.logs.model.PutLogEventsResponse;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writing log events: PutLogEvents, and {@link #append} for the emulator's own shipping of container output. Each call
 * is one store transaction that adds one chunk per batch (never rewriting stored events), updates the stream's and
 * group's small records, and holds the group to its byte budget. Thread-safe.
 */
public final class LogEvents {

  /** The most events one chunk holds: PutLogEvents' own maximum, so appended runs are chunked like batches. */
  static final int MAX_CHUNK_EVENTS = 10_000;

  private final StateStore store;
  private final Clock clock;
  private final LogsSettings settings;

  public LogEvents(StateStore store, Clock clock, LogsSettings settings) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * PutLogEvents, with AWS's batch rules ({@link BatchRules}). The sequence token is ignored, as AWS now ignores it.
   *
   * @throws ResourceNotFoundException for a missing group or stream, with AWS's messages
   * @throws InvalidParameterException for a batch AWS fails whole
   */
  public PutLogEventsResponse put(Scope scope, PutLogEventsRequest request) {
    String group = request.logGroupName();
    String streamName = request.logStreamName();
    List<InputLogEvent> events = request.logEvents();
    return store.write(scope, txn -> {
      StoredLogGroup owner = LogGroupRef.require(txn, group);
      StoredLogStream stream = LogStreams.require(txn, group, streamName);
      long now = clock.millis();
      BatchRules.Verdict verdict = BatchRules.check(events, now, owner.retentionInDays());
      if (verdict.storesAny()) {
        List<InputLogEvent> kept = events.subList(verdict.from(), verdict.to());
        stream = appendChunk(txn, owner, stream, timestamps(kept), messages(kept), now);
        SizeCap.enforce(txn, group, settings.maxGroupBytes());
      }
      return new PutLogEventsResponse(stream.sequenceToken(), null, verdict.rejected());
    });
  }

  /**
   * Stores events in a stream, for a shipper of container output: one transaction, in timestamp order (a stable sort:
   * events of one timestamp keep their order), in chunks of at most 10,000 events and 1 MiB; no PutLogEvents batch
   * rules, except that events already past the group's retention are not kept. Cheap to call with large batches.
   *
   * @param createStream create the stream if it does not exist (the group must)
   * @return how many events were stored
   * @throws ResourceNotFoundException for a missing group, or a missing stream without {@code createStream}
   * @throws IllegalArgumentException for an event without a message or with a negative timestamp
   */
  public int append(Scope scope, String group, String stream, List<InputLogEvent> events, boolean createStream) {
    List<InputLogEvent> ordered = new ArrayList<>(events);
    for (InputLogEvent event : ordered) {
      if (event.message() == null || event.timestamp() == null || event.timestamp() < 0) {
        throw new IllegalArgumentException("an event needs a message and a timestamp of 0 or more: " + event);
      }
    }
    ordered.sort(Comparator.comparingLong(InputLogEvent::timestamp));
    return store.write(scope, txn -> {
      StoredLogGroup owner = LogGroupRef.require(txn, group);
      long now = clock.millis();
      Optional<StoredLogStream> existing = txn.get(STREAM, LogKeys.stream(group, stream));
      if (existing.isEmpty() && !createStream) {
        throw ResourceNotFoundException.logStream();
      }
      StoredLogStream target = existing.orElseGet(() -> LogStreams.create(txn, owner, stream, now));
      long oldestKept = Retention.oldestKept(now, owner.retentionInDays());
      List<InputLogEvent> kept = ordered.stream().filter(e -> e.timestamp() >= oldestKept).toList();
      int start = 0;
      while (start < kept.size()) {
        int end = chunkEnd(kept, start);
        List<InputLogEvent> run = kept.subList(start, end);
        target = appendChunk(txn, LogGroupRef.require(txn, group), target, timestamps(run), messages(run), now);
        start = end;
      }
      SizeCap.enforce(txn, group, settings.maxGroupBytes());
      return kept.size();
    });
  }

  /** The end (exclusive) of the chunk that starts at {@code start}: at most 10,000 events and 1 MiB, at least one. */
  private static int chunkEnd(List<InputLogEvent> events, int start) {
    long bytes = 0;
    int end = start;
    while (end < events.size() && end - start < MAX_CHUNK_EVENTS) {
      bytes += EventChunk.eventBytes(events.get(end).message());
      if (bytes > BatchRules.MAX_BATCH_BYTES && end > start) {
        break;
      }
      end++;
    }
    return end;
  }

  /**
   * The newest timestamp ever stored in a stream, for a shipper resuming after a restart; empty when the stream does
   * not exist or holds nothing yet.
   */
  public OptionalLong lastTimestamp(Scope scope, String group, String stream) {
    return store.read(scope, view -> view.get(STREAM, LogKeys.stream(group, stream))
        .map(StoredLogStream::lastEventTimestamp)
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty()));
  }

  /**
   * The messages a stream holds at exactly {@code timestamp}, in the order they came: a shipper resuming at its
   * {@link #lastTimestamp} skips lines already stored in that millisecond.
   */
  public List<String> messagesAt(Scope scope, String group, String stream, long timestamp) {
    List<EventChunk> chunks = store.read(scope, view -> view.listByKeyPrefix(CHUNK, LogKeys.chunksOf(group, stream)));
    List<String> out = new ArrayList<>();
    for (EventChunk chunk : chunks) {
      if (chunk.minTimestamp() <= timestamp && timestamp <= chunk.maxTimestamp()) {
        for (int i = chunk.firstAtOrAfter(timestamp); i < chunk.size() && chunk.timestamp(i) == timestamp; i++) {
          out.add(chunk.message(i));
        }
      }
    }
    return out;
  }

  /** Stores events (in timestamp order) as the stream's next chunk; returns the stream as now stored. */
  private static StoredLogStream appendChunk(StateTxn txn, StoredLogGroup group, StoredLogStream stream,
      long[] timestamps, List<String> messages, long now) {
    EventChunk chunk = EventChunk.of(group.batches(), now, stream.nextEventSeq(), timestamps, messages);
    txn.put(CHUNK, LogKeys.chunk(group.name(), stream.name(), stream.nextChunk()), chunk);
    StoredLogStream after = stream.withAppended(chunk);
    txn.put(STREAM, LogKeys.stream(group.name(), stream.name()), after);
    txn.put(GROUP, LogKeys.group(group.name()), group.withBatch(chunk.bytes()));
    return after;
  }

  private static long[] timestamps(List<InputLogEvent> events) {
    long[] out = new long[events.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = events.get(i).timestamp();
    }
    return out;
  }

  private static List<String> messages(List<InputLogEvent> events) {
    return events.stream().map(InputLogEvent::message).toList();
  }
}
