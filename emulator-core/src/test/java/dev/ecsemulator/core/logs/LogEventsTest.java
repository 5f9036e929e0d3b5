package dev.ecsemulator.core.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.logs.error.InvalidParameterException;
import dev.ecsemulator.core.logs.error.ResourceNotFoundException;
import dev.ecsemulator.core.logs.model.CreateLogGroupRequest;
import dev.ecsemulator.core.logs.model.DescribeLogGroupsRequest;
import dev.ecsemulator.core.logs.model.DescribeLogStreamsRequest;
import dev.ecsemulator.core.logs.model.FilterLogEventsRequest;
import dev.ecsemulator.core.logs.model.FilterLogEventsResponse;
import dev.ecsemulator.core.logs.model.FilteredLogEvent;
import dev.ecsemulator.core.logs.model.GetLogEventsRequest;
import dev.ecsemulator.core.logs.model.GetLogEventsResponse;
import dev.ecsemulator.core.logs.model.InputLogEvent;
import dev.ecsemulator.core.logs.model.LogStream;
import dev.ecsemulator.core.logs.model.OutputLogEvent;
import dev.ecsemulator.core.logs.model.PutLogEventsRequest;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.KindRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Logs domain over the in-memory store, with a clock moved by hand. */
class LogEventsTest {

  static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  static final long T0 = 1_800_000_000_000L;
  static final long DAY = 86_400_000L;

  final TestClock clock = new TestClock(T0);
  final InMemoryStateStore store = new InMemoryStateStore(KindRegistry.of(LogsKinds.all()));
  Logs logs = Logs.start(store, clock, new LogsSettings(LogsSettings.DEFAULT_MAX_GROUP_BYTES, Duration.ofHours(1)));

  @AfterEach
  void close() {
    logs.close();
  }

  void group(String name) {
    logs.groups().create(SCOPE, CreateLogGroupRequest.builder().logGroupName(name).build());
  }

  void put(String group, String stream, long... timestamps) {
    List<InputLogEvent> events = new ArrayList<>();
    for (long t : timestamps) {
      events.add(new InputLogEvent(stream + "@" + (t - T0), t));
    }
    logs.events().put(SCOPE, PutLogEventsRequest.builder().logGroupName(group).logStreamName(stream)
        .logEvents(events).build());
  }

  GetLogEventsResponse get(String group, String stream, Boolean fromHead, Integer limit, String token) {
    return logs.queries().get(SCOPE, GetLogEventsRequest.builder().logGroupName(group).logStreamName(stream)
        .startFromHead(fromHead).limit(limit).nextToken(token).build());
  }

  static List<String> messages(GetLogEventsResponse response) {
    return response.events().stream().map(OutputLogEvent::message).toList();
  }

  long storedBytes(String group) {
    return logs.groups().describe(SCOPE, DescribeLogGroupsRequest.builder().logGroupNamePrefix(group).build())
        .logGroups().get(0).storedBytes();
  }

  @Test
  void forwardPagesEndWithTheTokenThatWasPassedIn() {
    group("app");
    logs.streams().create(SCOPE, "app", "s");
    put("app", "s", T0, T0 + 1, T0 + 2, T0 + 3, T0 + 4);

    GetLogEventsResponse first = get("app", "s", true, 2, null);
    GetLogEventsResponse second = get("app", "s", true, 2, first.nextForwardToken());
    GetLogEventsResponse third = get("app", "s", true, 2, second.nextForwardToken());
    GetLogEventsResponse end = get("app", "s", true, 2, third.nextForwardToken());

    assertThat(messages(first)).containsExactly("s@0", "s@1");
    assertThat(messages(second)).containsExactly("s@2", "s@3");
    assertThat(messages(third)).containsExactly("s@4");
    assertThat(end.events()).isEmpty();
    assertThat(end.nextForwardToken()).isEqualTo(third.nextForwardToken());
    assertThat(first.nextForwardToken()).matches("f/\\d{56}/s");
    assertThat(first.nextBackwardToken()).matches("b/\\d{56}/s");

    put("app", "s", T0 + 5);
    assertThat(messages(get("app", "s", true, 2, end.nextForwardToken()))).containsExactly("s@5");
  }

  @Test
  void withoutATokenTheNewestEventsComeAscendingAndBackwardTokensReadOlderOnes() {
    group("app");
    logs.streams().create(SCOPE, "app", "s");
    put("app", "s", T0, T0 + 1, T0 + 2, T0 + 3, T0 + 4);

    GetLogEventsResponse newest = get("app", "s", null, 2, null);
    GetLogEventsResponse older = get("app", "s", null, 2, newest.nextBackwardToken());
    GetLogEventsResponse oldest = get("app", "s", null, 2, older.nextBackwardToken());
    GetLogEventsResponse beyond = get("app", "s", null, 2, oldest.nextBackwardToken());

    assertThat(messages(newest)).containsExactly("s@3", "s@4");
    assertThat(messages(older)).containsExactly("s@1", "s@2");
    assertThat(messages(oldest)).containsExactly("s@0");
    assertThat(beyond.events()).isEmpty();
    assertThat(beyond.nextBackwardToken()).isEqualTo(oldest.nextBackwardToken());
    assertThat(messages(get("app", "s", null, 10, older.nextForwardToken()))).containsExactly("s@3", "s@4");
  }

  @Test
  void batchesWithEarlierTimestampsAreReadInTimestampOrderAndTiesInArrivalOrder() {
    group("app");
    logs.streams().create(SCOPE, "app", "s");
    put("app", "s", T0 + 10, T0 + 20, T0 + 30);
    put("app", "s", T0 + 5, T0 + 20, T0 + 25);

    GetLogEventsResponse all = get("app", "s", true, null, null);
    GetLogEventsResponse paged = get("app", "s", true, 3, null);

    assertThat(all.events()).extracting(OutputLogEvent::timestamp)
        .containsExactly(T0 + 5, T0 + 10, T0 + 20, T0 + 20, T0 + 25, T0 + 30);
    assertThat(messages(all)).containsSubsequence("s@20", "s@25");
    assertThat(messages(get("app", "s", true, 10, paged.nextForwardToken())))
        .isEqualTo(messages(all).subList(3, 6));
  }

  @Test
  void timeRangesIncludeTheStartAndExcludeTheEnd() {
    group("app");
    logs.streams().create(SCOPE, "app", "s");
    put("app", "s", T0, T0 + 1, T0 + 2, T0 + 3);

    GetLogEventsResponse range = logs.queries().get(SCOPE, GetLogEventsRequest.builder().logGroupName("app")
        .logStreamName("s").startTime(T0 + 1).endTime(T0 + 3).startFromHead(true).build());

    assertThat(messages(range)).containsExactly("s@1", "s@2");
  }

  @Test
  void filterInterleavesStreamsPagesAndGivesStableDistinctEventIds() {
    group("app");
    logs.streams().create(SCOPE, "app", "a");
    logs.streams().create(SCOPE, "app", "b");
    put("app", "a", T0, T0 + 2, T0 + 4);
    put("app", "b", T0 + 1, T0 + 2, T0 + 3);

    List<FilteredLogEvent> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      FilterLogEventsResponse page = logs.queries().filter(SCOPE, FilterLogEventsRequest.builder()
          .logGroupName("app").limit(4).nextToken(token).build());
      seen.addAll(page.events());
      assertThat(page.searchedLogStreams()).isEmpty();
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(2);
    assertThat(seen).extracting(e -> e.logStreamName() + ":" + (e.timestamp() - T0))
        .containsExactly("a:0", "b:1", "a:2", "b:2", "b:3", "a:4");
    assertThat(new HashSet<>(seen.stream().map(FilteredLogEvent::eventId).toList())).hasSize(6);
    FilterLogEventsResponse again = logs.queries().filter(SCOPE, FilterLogEventsRequest.builder()
        .logGroupName("app").build());
    assertThat(again.events()).extracting(FilteredLogEvent::eventId)
        .containsExactlyElementsOf(seen.stream().map(FilteredLogEvent::eventId).toList());
    assertThat(again.nextToken()).isNull();
  }

  @Test
  void filterSelectsStreamsByNameOrPrefixAndAppliesThePatternAndTheInclusiveRange() {
    group("app");
    for (String s : List.of("web/1", "web/2", "worker/1")) {
      logs.streams().create(SCOPE, "app", s);
      put("app", s, T0, T0 + 1, T0 + 2);
    }

    FilterLogEventsResponse byPrefix = logs.queries().filter(SCOPE, FilterLogEventsRequest.builder()
        .logGroupName("app").logStreamNamePrefix("web/").filterPattern("\"@1\"").build());
    FilterLogEventsResponse byName = logs.queries().filter(SCOPE, FilterLogEventsRequest.builder()
        .logGroupName("app").logStreamNames(List.of("worker/1", "no-such")).startTime(T0 + 1).endTime(T0 + 2).build());

    assertThat(byPrefix.events()).extracting(FilteredLogEvent::message).containsExactly("web/1@1", "web/2@1");
    assertThat(byName.events()).extracting(FilteredLogEvent::message).containsExactly("worker/1@1", "worker/1@2");
    assertThatThrownBy(() -> logs.queries().filter(SCOPE, FilterLogEventsRequest.builder().logGroupName("app")
        .logStreamNames(List.of("web/1")).logStreamNamePrefix("web").build()))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void theOldestEventsOfAGroupLeaveWhenItPassesItsBudgetEventByEvent() {
    logs.close();
    // Each event of "x@N" messages (3-4 bytes) counts 29-30 bytes; a budget of 200 holds six or so.
    logs = Logs.start(store, clock, new LogsSettings(200, Duration.ofHours(1)));
    group("app");
    logs.streams().create(SCOPE, "app", "a");
    logs.streams().create(SCOPE, "app", "b");
    put("app", "a", T0, T0 + 1, T0 + 2, T0 + 3);
    put("app", "b", T0 + 4, T0 + 5, T0 + 6, T0 + 7);

    List<String> kept = logs.queries().filter(SCOPE, FilterLogEventsRequest.builder().logGroupName("app").build())
        .events().stream().map(FilteredLogEvent::message).toList();
    assertThat(storedBytes("app")).isLessThanOrEqualTo(200).isEqualTo(kept.stream()
        .mapToLong(EventChunk::eventBytes).sum());
    assertThat(kept).containsExactly("a@2", "a@3", "b@4", "b@5", "b@6", "b@7");
    LogStream a = logs.streams().describe(SCOPE, DescribeLogStreamsRequest.builder().logGroupName("app").build())
        .logStreams().get(0);
    assertThat(a.firstEventTimestamp()).isEqualTo(T0 + 2);

    put("app", "a", T0 + 8, T0 + 9);
    List<String> after = logs.queries().filter(SCOPE, FilterLogEventsRequest.builder().logGroupName("app").build())
        .events().stream().map(FilteredLogEvent::message).toList();
    assertThat(after).containsExactly("b@4", "b@5", "b@6", "b@7", "a@8", "a@9");
  }

  @Test
  void retentionHidesExpiredEventsAtOnceAndTheSweepFreesThem() {
    group("app");
    logs.streams().create(SCOPE, "app", "s");
    put("app", "s", T0 - 4 * DAY, T0 - 4 * DAY + 1);
    put("app", "s", T0 - 3 * DAY + 5);
    put("app", "s", T0 - 1);
    long before = storedBytes("app");

    logs.groups().putRetention(SCOPE, "app", 3);

    assertThat(messages(get("app", "s", true, null, null))).containsExactly("s@-259199995", "s@-1");
    // PutRetentionPolicy asked for a sweep in the background too; whichever runs first frees the bytes.
    logs.sweeper().sweep();
    assertThat(storedBytes("app")).isEqualTo(before - 2 * EventChunk.eventBytes("s@-345600000"));
    clock.advance(DAY);
    assertThat(messages(get("app", "s", true, null, null))).containsExactly("s@-1");
    logs.sweeper().sweep();
    assertThat(storedBytes("app")).isEqualTo(EventChunk.eventBytes("s@-1"));

    logs.groups().deleteRetention(SCOPE, "app");
    put("app", "s", T0 - 10 * DAY);
    assertThat(get("app", "s", true, null, null).events()).hasSize(2);
  }

  @Test
  void appendCreatesTheStreamWhenAskedAndTellsTheLastTimestamp() {
    group("app");
    assertThatThrownBy(() -> logs.events().append(SCOPE, "app", "ecs/web/1", List.of(new InputLogEvent("x", T0)),
        false)).isInstanceOf(ResourceNotFoundException.class).hasMessage("The specified log stream does not exist.");
    assertThatThrownBy(() -> logs.events().append(SCOPE, "none", "s", List.of(new InputLogEvent("x", T0)), true))
        .isInstanceOf(ResourceNotFoundException.class).hasMessage("The specified log group does not exist.");
    assertThat(logs.events().lastTimestamp(SCOPE, "app", "ecs/web/1")).isEqualTo(OptionalLong.empty());

    int stored = logs.events().append(SCOPE, "app", "ecs/web/1",
        List.of(new InputLogEvent("second", T0 + 1), new InputLogEvent("first", T0), new InputLogEvent("third", T0 + 1)),
        true);

    assertThat(stored).isEqualTo(3);
    assertThat(messages(get("app", "ecs/web/1", true, null, null))).containsExactly("first", "second", "third");
    assertThat(logs.events().lastTimestamp(SCOPE, "app", "ecs/web/1")).isEqualTo(OptionalLong.of(T0 + 1));
    assertThat(logs.events().messagesAt(SCOPE, "app", "ecs/web/1", T0 + 1)).containsExactly("second", "third");
  }

  @Test
  void appendSplitsLargeRunsIntoChunksOfAtMost10000Events() {
    group("app");
    List<InputLogEvent> run = new ArrayList<>();
    for (int i = 0; i < 25_000; i++) {
      run.add(new InputLogEvent("line " + i, T0 + i));
    }

    logs.events().append(SCOPE, "app", "s", run, true);

    StoredLogStream stream = store.read(SCOPE, v -> v.get(LogsKinds.STREAM, LogKeys.stream("app", "s"))).orElseThrow();
    assertThat(stream.nextChunk() - stream.firstChunk()).isEqualTo(3);
    GetLogEventsResponse first = get("app", "s", true, null, null);
    assertThat(first.events()).hasSize(10_000);
    assertThat(get("app", "s", true, null, first.nextForwardToken()).events().get(0).message()).isEqualTo("line 10000");
  }

  @Test
  void deletingAStreamOrAGroupRemovesEveryChunk() {
    group("app");
    logs.streams().create(SCOPE, "app", "a");
    logs.streams().create(SCOPE, "app", "b");
    put("app", "a", T0);
    put("app", "b", T0, T0 + 1);

    logs.streams().delete(SCOPE, "app", "a");
    assertThat(storedBytes("app")).isEqualTo(EventChunk.eventBytes("b@0") + EventChunk.eventBytes("b@1"));
    logs.groups().delete(SCOPE, "app");

    List<EventChunk> chunks = store.read(SCOPE, v -> v.list(LogsKinds.CHUNK));
    List<StoredLogStream> streams = store.read(SCOPE, v -> v.list(LogsKinds.STREAM));
    assertThat(chunks).isEmpty();
    assertThat(streams).isEmpty();
  }
}
