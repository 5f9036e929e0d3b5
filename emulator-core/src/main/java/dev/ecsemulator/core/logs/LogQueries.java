package dev.ecsemulator.core.logs;

import static dev.ecsemulator.core.logs.LogsKinds.CHUNK;
import static dev.ecsemulator.core.logs.LogsKinds.STREAM;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.logs.EventMerge.Hit;
import dev.ecsemulator.core.logs.EventMerge.Source;
import dev.ecsemulator.core.logs.EventTokens.StreamToken;
import dev.ecsemulator.core.logs.error.InvalidParameterException;
import dev.ecsemulator.core.logs.error.ResourceNotFoundException;
import dev.ecsemulator.core.logs.filter.FilterPattern;
import dev.ecsemulator.core.logs.model.FilterLogEventsRequest;
import dev.ecsemulator.core.logs.model.FilterLogEventsResponse;
import dev.ecsemulator.core.logs.model.FilteredLogEvent;
import dev.ecsemulator.core.logs.model.GetLogEventsRequest;
import dev.ecsemulator.core.logs.model.GetLogEventsResponse;
import dev.ecsemulator.core.logs.model.OutputLogEvent;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reading log events: GetLogEvents (one stream, forward or backward, with AWS's {@code f/}/{@code b/} tokens) and
 * FilterLogEvents (a group's streams, a filter pattern, paged by {@code nextToken}). A call takes the chunks it needs
 * under the store's read lock (references to immutable records) and reads them after releasing it. Events past their
 * group's retention are never returned, swept or not. Thread-safe.
 */
public final class LogQueries {

  /** Both operations: "up to 1 MB of log events or up to 10,000 log events" a page. */
  static final int MAX_PAGE_EVENTS = 10_000;
  static final long MAX_PAGE_BYTES = 1_048_576;
  /**
   * The most events one FilterLogEvents call looks at. A selective pattern over a large group then answers a partial
   * (even empty) page with a token, as AWS's pages may be, instead of one long call.
   */
  static final int FILTER_SCAN_BUDGET = 200_000;
  /** Unverified wording, after AWS's "... are mutually exclusive parameters." answers. */
  static final String NAMES_AND_PREFIX = "LogStream names and LogStream name prefix are mutually exclusive parameters.";

  private final StateStore store;
  private final Clock clock;

  public LogQueries(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * GetLogEvents. Without a token it reads the newest events (the oldest with {@code startFromHead}); a token reads on
   * in its own direction. Pages hold up to {@code limit} events (10,000 by default) and 1 MB. At the end of the stream
   * in a direction, the token of that direction comes back unchanged, which is how readers know they are caught up.
   *
   * @throws ResourceNotFoundException for a missing group or stream, with AWS's messages
   * @throws InvalidParameterException "The specified nextToken is invalid."
   */
  public GetLogEventsResponse get(Scope scope, GetLogEventsRequest request) {
    String group = LogGroupRef.nameOf(scope, request.logGroupName(), request.logGroupIdentifier());
    StreamToken token = request.nextToken() == null ? null : EventTokens.parseStreamToken(request.nextToken());
    boolean forward = token != null ? token.forward() : Boolean.TRUE.equals(request.startFromHead());
    EventPosition boundary = token != null ? token.position() : forward ? EventPosition.START : EventPosition.END;
    Snapshot snapshot = store.read(scope, view -> {
      StoredLogGroup owner = LogGroupRef.require(view, group);
      LogStreams.require(view, group, request.logStreamName());
      return new Snapshot(owner, sources(view, group, request.logStreamName()));
    });
    long from = Math.max(request.startTime() == null ? Long.MIN_VALUE : request.startTime(), oldestKept(snapshot));
    long until = request.endTime() == null ? Long.MAX_VALUE : request.endTime();
    EventMerge merge = new EventMerge(snapshot.sources(), forward, boundary, from, until);
    int limit = request.limit() == null ? MAX_PAGE_EVENTS : request.limit();
    List<Hit> hits = new ArrayList<>();
    long bytes = 0;
    while (hits.size() < limit && merge.hasNext()) {
      Hit hit = merge.next();
      bytes += EventChunk.eventBytes(hit.message());
      if (bytes > MAX_PAGE_BYTES && !hits.isEmpty()) {
        break;
      }
      hits.add(hit);
    }
    if (!forward) {
      Collections.reverse(hits);
    }
    if (hits.isEmpty()) {
      EventPosition at = token != null ? token.position() : EventPosition.START;
      String same = token != null ? request.nextToken() : null;
      return new GetLogEventsResponse(List.of(),
          !forward && same != null ? same : new StreamToken(false, at).text(),
          forward && same != null ? same : new StreamToken(true, at).text());
    }
    Hit first = hits.get(0);
    Hit last = hits.get(hits.size() - 1);
    List<OutputLogEvent> events = hits.stream()
        .map(h -> new OutputLogEvent(h.source().chunk().ingestionTime(), h.message(), h.timestamp()))
        .toList();
    return new GetLogEventsResponse(events,
        new StreamToken(false, EventPosition.before(first.source().chunk(), first.index())).text(),
        new StreamToken(true, last.position()).text());
  }

  /**
   * FilterLogEvents: the matching events of the group's streams (all, those named, or those with a name prefix)
   * between {@code startTime} and {@code endTime} (both inclusive), interleaved in timestamp order. A page ends at
   * {@code limit} events (10,000 by default), 1 MB, or after looking at {@value #FILTER_SCAN_BUDGET} events; a
   * {@code nextToken} then says more may follow, and its absence that the search is done. {@code searchedLogStreams}
   * is empty, as AWS has answered since 2020. Named streams that do not exist are skipped.
   */
  public FilterLogEventsResponse filter(Scope scope, FilterLogEventsRequest request) {
    String group = LogGroupRef.nameOf(scope, request.logGroupName(), request.logGroupIdentifier());
    if (request.logStreamNames() != null && request.logStreamNamePrefix() != null) {
      throw new InvalidParameterException(NAMES_AND_PREFIX);
    }
    FilterPattern pattern = FilterPattern.parse(request.filterPattern());
    EventPosition after = request.nextToken() == null
        ? EventPosition.START : EventTokens.parseFilterToken(request.nextToken());
    Snapshot snapshot = store.read(scope, view -> {
      StoredLogGroup owner = LogGroupRef.require(view, group);
      List<Source> sources = new ArrayList<>();
      for (String stream : streamsToSearch(view, group, request)) {
        sources.addAll(sources(view, group, stream));
      }
      return new Snapshot(owner, sources);
    });
    long from = Math.max(request.startTime() == null ? Long.MIN_VALUE : request.startTime(), oldestKept(snapshot));
    long until = request.endTime() == null || request.endTime() == Long.MAX_VALUE ? Long.MAX_VALUE
        : request.endTime() + 1;
    EventMerge merge = new EventMerge(snapshot.sources(), true, after, from, until);
    int limit = request.limit() == null ? MAX_PAGE_EVENTS : request.limit();
    List<FilteredLogEvent> events = new ArrayList<>();
    long bytes = 0;
    int scanned = 0;
    EventPosition resumeAfter = null;
    EventPosition lastReturned = null;
    while (merge.hasNext()) {
      Hit hit = merge.next();
      scanned++;
      if (pattern.matches(hit.message())) {
        long eventBytes = EventChunk.eventBytes(hit.message());
        if (events.size() == limit || (bytes + eventBytes > MAX_PAGE_BYTES && !events.isEmpty())) {
          resumeAfter = lastReturned; // a page is full and another match follows
          break;
        }
        bytes += eventBytes;
        lastReturned = hit.position();
        events.add(show(hit));
      }
      if (scanned >= FILTER_SCAN_BUDGET && merge.hasNext()) {
        resumeAfter = hit.position(); // everything up to here was looked at
        break;
      }
    }
    String nextToken = resumeAfter == null ? null : EventTokens.filterToken(resumeAfter);
    return new FilterLogEventsResponse(events, nextToken, List.of());
  }

  private static List<String> streamsToSearch(StateView view, String group, FilterLogEventsRequest request) {
    if (request.logStreamNames() != null) {
      return request.logStreamNames().stream()
          .filter(name -> view.get(STREAM, LogKeys.stream(group, name)).isPresent())
          .distinct()
          .toList();
    }
    String prefix = request.logStreamNamePrefix() == null ? "" : request.logStreamNamePrefix();
    return view.listByKeyPrefix(STREAM, LogKeys.ofGroup(group) + prefix).stream().map(StoredLogStream::name).toList();
  }

  private static FilteredLogEvent show(Hit hit) {
    return new FilteredLogEvent(EventTokens.eventId(hit.position()), hit.source().chunk().ingestionTime(),
        hit.source().stream(), hit.message(), hit.timestamp());
  }

  private static List<Source> sources(StateView view, String group, String stream) {
    return view.listByKeyPrefix(CHUNK, LogKeys.chunksOf(group, stream)).stream()
        .map(chunk -> new Source(stream, chunk))
        .toList();
  }

  private long oldestKept(Snapshot snapshot) {
    return Retention.oldestKept(clock.millis(), snapshot.group().retentionInDays());
  }

  /** What a read took from the store: the group and the chunks to read. */
  private record Snapshot(StoredLogGroup group, List<Source> sources) {}
}
