package dev.ecsemulator.core.logs;

import static dev.ecsemulator.core.logs.LogsKinds.CHUNK;
import static dev.ecsemulator.core.logs.LogsKinds.GROUP;
import static dev.ecsemulator.core.logs.LogsKinds.STREAM;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.logs.error.InvalidParameterException;
import dev.ecsemulator.core.logs.error.ResourceAlreadyExistsException;
import dev.ecsemulator.core.logs.error.ResourceNotFoundException;
import dev.ecsemulator.core.logs.model.DescribeLogStreamsRequest;
import dev.ecsemulator.core.logs.model.DescribeLogStreamsResponse;
import dev.ecsemulator.core.logs.model.LogStream;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Log stream operations: create, delete, describe. Thread-safe: every call is one store transaction. */
public final class LogStreams {

  /** As moto words AWS's refusal; unverified. */
  static final String PREFIX_WITH_LAST_EVENT_TIME = "Cannot order by LastEventTime with a logStreamNamePrefix.";

  private final StateStore store;
  private final Clock clock;

  public LogStreams(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * CreateLogStream.
   *
   * @throws ResourceNotFoundException "The specified log group does not exist."
   * @throws ResourceAlreadyExistsException "The specified log stream already exists"
   */
  public void create(Scope scope, String group, String stream) {
    store.write(scope, txn -> {
      StoredLogGroup owner = LogGroupRef.require(txn, group);
      if (txn.get(STREAM, LogKeys.stream(group, stream)).isPresent()) {
        throw new ResourceAlreadyExistsException(ResourceAlreadyExistsException.LOG_STREAM);
      }
      return create(txn, owner, stream, clock.millis());
    });
  }

  /** Stores a new, empty stream of {@code group} (which must hold none of that name); returns it. */
  static StoredLogStream create(StateTxn txn, StoredLogGroup group, String stream, long now) {
    StoredLogStream created = StoredLogStream.created(group.name(), stream, group.streamsCreated(), now);
    txn.put(STREAM, LogKeys.stream(group.name(), stream), created);
    txn.put(GROUP, LogKeys.group(group.name()), group.withStreamCreated());
    return created;
  }

  /** @throws ResourceNotFoundException "The specified log stream does not exist." */
  static StoredLogStream require(StateView view, String group, String stream) {
    return view.get(STREAM, LogKeys.stream(group, stream)).orElseThrow(ResourceNotFoundException::logStream);
  }

  /** DeleteLogStream: the stream and its events (refused while the group's deletion protection is on). */
  public void delete(Scope scope, String group, String stream) {
    store.write(scope, txn -> {
      StoredLogGroup owner = LogGroupRef.requireDeletable(txn, group);
      StoredLogStream removed = require(txn, group, stream);
      removeWithEvents(txn, removed);
      txn.put(GROUP, LogKeys.group(group), owner.withStoredBytes(-removed.storedBytes()));
      return null;
    });
  }

  /** Removes a stream and its chunks; the caller settles its group's bytes. */
  static void removeWithEvents(StateTxn txn, StoredLogStream stream) {
    for (long n = stream.firstChunk(); n < stream.nextChunk(); n++) {
      txn.remove(CHUNK, LogKeys.chunk(stream.group(), stream.name(), n));
    }
    txn.remove(STREAM, LogKeys.stream(stream.group(), stream.name()));
  }

  /**
   * DescribeLogStreams: by name (default) or by the time of the last event (streams without events first), ascending
   * unless {@code descending}. Streams report {@code storedBytes} 0, as AWS has since 2019.
   */
  public DescribeLogStreamsResponse describe(Scope scope, DescribeLogStreamsRequest request) {
    String group = LogGroupRef.nameOf(scope, request.logGroupName(), request.logGroupIdentifier());
    boolean byLastEvent = "LastEventTime".equals(request.orderBy());
    String prefix = request.logStreamNamePrefix();
    if (byLastEvent && prefix != null) {
      throw new InvalidParameterException(PREFIX_WITH_LAST_EVENT_TIME);
    }
    List<StoredLogStream> streams = store.read(scope, view -> {
      LogGroupRef.require(view, group);
      return view.listByKeyPrefix(STREAM, LogKeys.ofGroup(group) + (prefix == null ? "" : prefix));
    });
    Function<StoredLogStream, String> sortKey = byLastEvent
        ? s -> String.format("%020d", s.lastEventTimestamp() == null ? 0 : s.lastEventTimestamp()) + ":" + s.name()
        : StoredLogStream::name;
    boolean descending = Boolean.TRUE.equals(request.descending());
    List<StoredLogStream> ordered = new ArrayList<>(streams);
    Comparator<StoredLogStream> order = Comparator.comparing(sortKey);
    ordered.sort(descending ? order.reversed() : order);
    LogsPaging.Page<StoredLogStream> page =
        LogsPaging.page(ordered, sortKey, descending, request.limit(), request.nextToken());
    return new DescribeLogStreamsResponse(page.items().stream().map(s -> show(scope, s)).toList(), page.nextToken());
  }

  private static LogStream show(Scope scope, StoredLogStream stream) {
    LogStream.Builder shown = LogStream.builder()
        .logStreamName(stream.name())
        .creationTime(stream.creationTime())
        .arn(LogArns.stream(scope, stream.group(), stream.name()))
        .storedBytes(0L);
    if (stream.uploads() > 0) {
      shown.firstEventTimestamp(stream.firstEventTimestamp())
          .lastEventTimestamp(stream.lastEventTimestamp())
          .lastIngestionTime(stream.lastIngestionTime())
          .uploadSequenceToken(stream.sequenceToken());
    }
    return shown.build();
  }
}
