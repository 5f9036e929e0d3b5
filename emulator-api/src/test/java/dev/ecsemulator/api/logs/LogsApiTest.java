package dev.ecsemulator.api.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ValidationException;

/** CloudWatch Logs through the AWS SDK v2 client over HTTP: groups, streams, events, filters, retention, tags, errors. */
class LogsApiTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final CloudWatchLogsClient logs = emulator.sdk(CloudWatchLogsClient.builder());
  static final long DAY = 86_400_000L;

  @AfterAll
  static void closeClient() {
    logs.close();
  }

  static void stream(String group, String stream) {
    logs.createLogGroup(b -> b.logGroupName(group));
    logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
  }

  static PutLogEventsResponse put(String group, String stream, long start, String... messages) {
    List<InputLogEvent> events = new ArrayList<>();
    for (int i = 0; i < messages.length; i++) {
      events.add(InputLogEvent.builder().timestamp(start + i).message(messages[i]).build());
    }
    return logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events));
  }

  static void assertAwsError(Runnable call, Class<? extends CloudWatchLogsException> type, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(type, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    });
  }

  @Test
  void aLogGroupIsDescribedWithTheMembersAwsShows() {
    long before = System.currentTimeMillis();
    logs.createLogGroup(b -> b.logGroupName("/ecs/web").kmsKeyId("arn:aws:kms:us-east-1:000000000000:key/k1")
        .tags(Map.of("team", "a")));
    logs.createLogGroup(b -> b.logGroupName("/ecs/worker").logGroupClass("INFREQUENT_ACCESS"));

    List<LogGroup> groups = logs.describeLogGroups(b -> b.logGroupNamePrefix("/ecs/")).logGroups();

    assertThat(groups).extracting(LogGroup::logGroupName).containsExactly("/ecs/web", "/ecs/worker");
    LogGroup web = groups.get(0);
    assertThat(web.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/ecs/web:*");
    assertThat(web.logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/ecs/web");
    assertThat(web.creationTime()).isBetween(before, System.currentTimeMillis());
    assertThat(web.logGroupClassAsString()).isEqualTo("STANDARD");
    assertThat(web.metricFilterCount()).isZero();
    assertThat(web.storedBytes()).isZero();
    assertThat(web.deletionProtectionEnabled()).isFalse();
    assertThat(web.kmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/k1");
    assertThat(web.retentionInDays()).isNull();
    assertThat(groups.get(1).logGroupClassAsString()).isEqualTo("INFREQUENT_ACCESS");
    assertThat(logs.listTagsForResource(b -> b.resourceArn(web.logGroupArn())).tags()).isEqualTo(Map.of("team", "a"));

    assertAwsError(() -> logs.createLogGroup(b -> b.logGroupName("/ecs/web")),
        ResourceAlreadyExistsException.class, "The specified log group already exists");
    logs.deleteLogGroup(b -> b.logGroupName("/ecs/web"));
    assertAwsError(() -> logs.deleteLogGroup(b -> b.logGroupName("/ecs/web")),
        ResourceNotFoundException.class, "The specified log group does not exist.");
    assertThat(logs.describeLogGroups().logGroups()).extracting(LogGroup::logGroupName).containsExactly("/ecs/worker");
  }

  @Test
  void deletionProtectionRefusesDeletionsUntilItIsTurnedOff() {
    logs.createLogGroup(b -> b.logGroupName("keep").deletionProtectionEnabled(true));
    logs.createLogStream(b -> b.logGroupName("keep").logStreamName("s"));

    assertThat(logs.describeLogGroups().logGroups().get(0).deletionProtectionEnabled()).isTrue();
    assertThatThrownBy(() -> logs.deleteLogGroup(b -> b.logGroupName("keep"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> logs.deleteLogStream(b -> b.logGroupName("keep").logStreamName("s")))
        .isInstanceOf(ValidationException.class);

    logs.putLogGroupDeletionProtection(b -> b.logGroupIdentifier("arn:aws:logs:us-east-1:000000000000:log-group:keep")
        .deletionProtectionEnabled(false));
    logs.deleteLogStream(b -> b.logGroupName("keep").logStreamName("s"));
    logs.deleteLogGroup(b -> b.logGroupName("keep"));
    assertThat(logs.describeLogGroups().logGroups()).isEmpty();
  }

  @Test
  void logGroupsPageInNameOrderAndFilterByPatternOrPrefix() {
    for (String name : List.of("b-two", "a-one", "c-three", "a-four", "d-five")) {
      logs.createLogGroup(b -> b.logGroupName(name));
    }

    List<String> paged = new ArrayList<>();
    logs.describeLogGroupsPaginator(b -> b.limit(2)).logGroups().forEach(g -> paged.add(g.logGroupName()));
    List<LogGroup> byPattern = logs.describeLogGroups(b -> b.logGroupNamePattern("o")).logGroups();

    assertThat(paged).containsExactly("a-four", "a-one", "b-two", "c-three", "d-five");
    assertThat(logs.describeLogGroups(b -> b.limit(2)).nextToken()).isNotNull();
    assertThat(byPattern).extracting(LogGroup::logGroupName).containsExactly("a-four", "a-one", "b-two");
    assertThat(byPattern.get(0).storedBytes()).as("a pattern shows fewer members").isNull();
    assertThat(byPattern.get(0).logGroupArn()).isNotNull();
    assertAwsError(() -> logs.describeLogGroups(b -> b.logGroupNamePrefix("a").logGroupNamePattern("o")),
        InvalidParameterException.class,
        "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
  }

  @Test
  void logStreamsAreDescribedByNameOrLastEventTimeAndRefusedAsAwsRefusesThem() {
    stream("app", "b");
    logs.createLogStream(b -> b.logGroupName("app").logStreamName("a"));
    logs.createLogStream(b -> b.logGroupName("app").logStreamName("c"));
    long now = System.currentTimeMillis();
    put("app", "c", now - 2000, "c0");
    put("app", "a", now - 1000, "a0");

    List<LogStream> byName = logs.describeLogStreams(b -> b.logGroupName("app")).logStreams();
    List<LogStream> byLastEvent = logs.describeLogStreams(b -> b.logGroupIdentifier(
        "arn:aws:logs:us-east-1:000000000000:log-group:app").orderBy("LastEventTime").descending(true)).logStreams();

    assertThat(byName).extracting(LogStream::logStreamName).containsExactly("a", "b", "c");
    assertThat(byLastEvent).extracting(LogStream::logStreamName).containsExactly("a", "c", "b");
    LogStream a = byName.get(0);
    assertThat(a.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:app:log-stream:a");
    assertThat(a.firstEventTimestamp()).isEqualTo(now - 1000);
    assertThat(a.lastEventTimestamp()).isEqualTo(now - 1000);
    assertThat(a.lastIngestionTime()).isNotNull();
    assertThat(a.uploadSequenceToken()).matches("\\d{56}");
    assertThat(a.storedBytes()).isZero();
    assertThat(byName.get(1).lastEventTimestamp()).isNull();
    assertThat(logs.describeLogStreams(b -> b.logGroupName("app").logStreamNamePrefix("b")).logStreams())
        .extracting(LogStream::logStreamName).containsExactly("b");
    List<String> paged = new ArrayList<>();
    logs.describeLogStreamsPaginator(b -> b.logGroupName("app").limit(1)).logStreams()
        .forEach(s -> paged.add(s.logStreamName()));
    assertThat(paged).containsExactly("a", "b", "c");

    assertAwsError(() -> logs.createLogStream(b -> b.logGroupName("app").logStreamName("a")),
        ResourceAlreadyExistsException.class, "The specified log stream already exists");
    assertAwsError(() -> logs.createLogStream(b -> b.logGroupName("nope").logStreamName("a")),
        ResourceNotFoundException.class, "The specified log group does not exist.");
    assertAwsError(() -> logs.deleteLogStream(b -> b.logGroupName("app").logStreamName("zz")),
        ResourceNotFoundException.class, "The specified log stream does not exist.");
    assertAwsError(() -> logs.describeLogStreams(b -> b.logGroupName("app").orderBy("LastEventTime")
        .logStreamNamePrefix("a")), InvalidParameterException.class,
        "Cannot order by LastEventTime with a logStreamNamePrefix.");
    assertAwsError(() -> logs.describeLogStreams(b -> b.logGroupName("app").logGroupIdentifier("app")),
        ValidationException.class, "LogGroup name and LogGroup ARN are mutually exclusive parameters.");
  }

  @Test
  void putLogEventsStoresWhatItMayAndReportsWhatItSetsAside() {
    stream("app", "s");
    long now = System.currentTimeMillis();

    PutLogEventsResponse ok = put("app", "s", now, "one", "two");
    PutLogEventsResponse mixed = logs.putLogEvents(b -> b.logGroupName("app").logStreamName("s").sequenceToken("ignored")
        .logEvents(InputLogEvent.builder().timestamp(now - 15 * DAY).message("old").build(),
            InputLogEvent.builder().timestamp(now + 1).message("three").build(),
            InputLogEvent.builder().timestamp(now + 3 * 3_600_000L).message("future").build()));

    assertThat(ok.nextSequenceToken()).matches("\\d{56}");
    assertThat(ok.rejectedLogEventsInfo()).isNull();
    assertThat(mixed.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(1);
    assertThat(mixed.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(2);
    assertThat(mixed.rejectedLogEventsInfo().expiredLogEventEndIndex()).isNull();
    assertThat(mixed.nextSequenceToken()).isNotEqualTo(ok.nextSequenceToken());
    assertThat(logs.getLogEvents(b -> b.logGroupName("app").logStreamName("s")).events())
        .extracting(OutputLogEvent::message).containsExactly("one", "two", "three");

    assertAwsError(() -> logs.putLogEvents(b -> b.logGroupName("app").logStreamName("s").logEvents(
        InputLogEvent.builder().timestamp(now).message("later").build(),
        InputLogEvent.builder().timestamp(now - 1).message("earlier").build())),
        InvalidParameterException.class, "Log events in a single PutLogEvents request must be in chronological order.");
    assertAwsError(() -> logs.putLogEvents(b -> b.logGroupName("app").logStreamName("s").logEvents(
        InputLogEvent.builder().timestamp(now - 2 * DAY).message("a").build(),
        InputLogEvent.builder().timestamp(now).message("b").build())),
        InvalidParameterException.class,
        "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
    assertAwsError(() -> put("app", "missing", now, "x"),
        ResourceNotFoundException.class, "The specified log stream does not exist.");
    assertAwsError(() -> put("missing", "s", now, "x"),
        ResourceNotFoundException.class, "The specified log group does not exist.");
    assertAwsError(() -> logs.putLogEvents(b -> b.logGroupName("app").logStreamName("s").logEvents(List.of())),
        InvalidParameterException.class, "1 validation error detected: Value '[]' at 'logEvents' failed to satisfy "
            + "constraint: Member must have length greater than or equal to 1");
  }

  @Test
  void getLogEventsPagesForwardUntilTheSameTokenComesBackAndTheSdkPaginatorStopsThere() {
    stream("app", "s");
    long now = System.currentTimeMillis();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      sent.add("line " + i);
    }
    put("app", "s", now - 100, sent.toArray(String[]::new));

    List<String> read = new ArrayList<>();
    logs.getLogEventsPaginator(b -> b.logGroupName("app").logStreamName("s").startFromHead(true).limit(10))
        .forEach(page -> page.events().forEach(e -> read.add(e.message())));
    GetLogEventsResponse newest = logs.getLogEvents(b -> b.logGroupName("app").logStreamName("s").limit(10));
    GetLogEventsResponse older = logs.getLogEvents(b -> b.logGroupIdentifier("app").logStreamName("s").limit(10)
        .nextToken(newest.nextBackwardToken()));
    GetLogEventsResponse caughtUp = logs.getLogEvents(b -> b.logGroupName("app").logStreamName("s").startFromHead(true)
        .nextToken(newest.nextForwardToken()));

    assertThat(read).isEqualTo(sent);
    assertThat(newest.events()).extracting(OutputLogEvent::message).isEqualTo(sent.subList(15, 25));
    assertThat(older.events()).extracting(OutputLogEvent::message).isEqualTo(sent.subList(5, 15));
    assertThat(caughtUp.events()).isEmpty();
    assertThat(caughtUp.nextForwardToken()).isEqualTo(newest.nextForwardToken());
    assertThat(newest.events().get(0).ingestionTime()).isGreaterThanOrEqualTo(now);
    assertAwsError(() -> logs.getLogEvents(b -> b.logGroupName("app").logStreamName("s").nextToken("invalid-token")),
        InvalidParameterException.class, "The specified nextToken is invalid.");
    assertAwsError(() -> logs.getLogEvents(b -> b.logGroupName("app").logStreamName("s").limit(10_001)),
        InvalidParameterException.class, "1 validation error detected: Value '10001' at 'limit' failed to satisfy "
            + "constraint: Member must have value less than or equal to 10000");
    assertAwsError(() -> logs.getLogEvents(b -> b.logGroupName("nope").logStreamName("s")),
        ResourceNotFoundException.class, "The specified log group does not exist.");
    assertAwsError(() -> logs.getLogEvents(b -> b.logGroupName("app").logStreamName("nope")),
        ResourceNotFoundException.class, "The specified log stream does not exist.");
  }

  @Test
  void filterLogEventsMatchesPatternsAcrossStreamsAndPagesToTheEnd() {
    stream("app", "web");
    logs.createLogStream(b -> b.logGroupName("app").logStreamName("worker"));
    long now = System.currentTimeMillis();
    put("app", "web", now - 10, "GET / 200", "{\"level\": \"error\", \"latency\": 250}", "ERROR disk full");
    put("app", "worker", now - 9, "WARN slow job", "{\"level\": \"info\", \"latency\": 20}", "job done");

    assertThat(filter("ERROR")).containsExactly("web:ERROR disk full");
    assertThat(filter("?ERROR ?WARN")).containsExactly("worker:WARN slow job", "web:ERROR disk full");
    assertThat(filter("\"GET / 200\"")).containsExactly("web:GET / 200");
    assertThat(filter("job -done")).containsExactly("worker:WARN slow job");
    assertThat(filter("{ $.level = \"error\" }")).containsExactly("web:{\"level\": \"error\", \"latency\": 250}");
    assertThat(filter("{ $.latency > 100 || $.level = info }")).hasSize(2);

    List<FilteredLogEvent> paged = new ArrayList<>();
    logs.filterLogEventsPaginator(b -> b.logGroupName("app").limit(2)).events().forEach(paged::add);
    assertThat(paged).extracting(FilteredLogEvent::timestamp).isSorted().hasSize(6);
    assertThat(paged).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates().allMatch(id -> id.matches("\\d{56}"));
    assertThat(logs.filterLogEvents(b -> b.logGroupName("app").logStreamNames("worker")).events()).hasSize(3);
    assertThat(logs.filterLogEvents(b -> b.logGroupName("app")).searchedLogStreams()).isEmpty();

    assertAwsError(() -> filter("10.0.0.1"), InvalidParameterException.class,
        "Invalid filter pattern: Invalid character(s) in term '10.0.0.1'");
    assertAwsError(() -> logs.filterLogEvents(b -> b.logGroupName("app").nextToken("invalid-token")),
        InvalidParameterException.class, "The specified nextToken is invalid.");
  }

  static List<String> filter(String pattern) {
    return logs.filterLogEvents(b -> b.logGroupName("app").filterPattern(pattern)).events().stream()
        .map(e -> e.logStreamName() + ":" + e.message())
        .toList();
  }

  @Test
  void retentionHidesOlderEventsAtOnceAndTheirBytesLeaveSoonAfter() {
    stream("app", "s");
    long now = System.currentTimeMillis();
    put("app", "s", now - 4 * DAY, "four days ago");
    put("app", "s", now - 1000, "just now");
    long before = logs.describeLogGroups(b -> b.logGroupNamePrefix("app")).logGroups().get(0).storedBytes();

    logs.putRetentionPolicy(b -> b.logGroupName("app").retentionInDays(3));

    assertThat(logs.getLogEvents(b -> b.logGroupName("app").logStreamName("s")).events())
        .extracting(OutputLogEvent::message).containsExactly("just now");
    assertThat(logs.filterLogEvents(b -> b.logGroupName("app")).events()).hasSize(1);
    assertThat(before).isEqualTo(13 + 26 + 8 + 26);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix("app")).logGroups().get(0).storedBytes())
            .isEqualTo(8 + 26));
    assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix("app")).logGroups().get(0).retentionInDays())
        .isEqualTo(3);
    PutLogEventsResponse expired = put("app", "s", now - 4 * DAY, "too late");
    assertThat(expired.rejectedLogEventsInfo().expiredLogEventEndIndex()).isEqualTo(1);

    assertAwsError(() -> logs.putRetentionPolicy(b -> b.logGroupName("app").retentionInDays(2)),
        InvalidParameterException.class, "1 validation error detected: Value '2' at 'retentionInDays' failed to "
            + "satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, "
            + "400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]");
    logs.deleteRetentionPolicy(b -> b.logGroupName("app"));
    assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix("app")).logGroups().get(0).retentionInDays()).isNull();
  }

  @Test
  void tagsAreKeptOnTheGroupThroughBothTaggingApis() {
    logs.createLogGroup(b -> b.logGroupName("app").tags(Map.of("env", "testing1")));
    String arn = "arn:aws:logs:us-east-1:000000000000:log-group:app";

    logs.tagResource(b -> b.resourceArn(arn).tags(Map.of("test1", "val1", "test2", "val2")));
    logs.tagLogGroup(b -> b.logGroupName("app").tags(Map.of("test3", "val3")));
    Map<String, String> tagged = logs.listTagsLogGroup(b -> b.logGroupName("app")).tags();
    logs.untagLogGroup(b -> b.logGroupName("app").tags("test3"));
    logs.untagResource(b -> b.resourceArn(arn).tagKeys("env", "test1"));

    assertThat(tagged).isEqualTo(Map.of("env", "testing1", "test1", "val1", "test2", "val2", "test3", "val3"));
    assertThat(logs.listTagsForResource(b -> b.resourceArn(arn)).tags()).isEqualTo(Map.of("test2", "val2"));
    assertAwsError(() -> logs.listTagsForResource(b -> b.resourceArn(arn + "x")),
        ResourceNotFoundException.class, "The specified log group does not exist.");
  }

  @Test
  void healthListsCloudWatchLogsWithItsOperations() throws Exception {
    com.fasterxml.jackson.databind.JsonNode health = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(emulator.get("/_emulator/health").body()).path("services").path("logs");

    assertThat(health.path("targetPrefix").asText()).isEqualTo("Logs_20140328");
    assertThat(health.path("implemented").asInt()).isEqualTo(18);
    assertThat(health.path("inModel").asInt()).isEqualTo(113);
  }

  @Test
  void stateIsSeparatePerRegionAndUnimplementedOperationsSaySo() {
    logs.createLogGroup(b -> b.logGroupName("app"));
    try (CloudWatchLogsClient west = emulator.sdk(CloudWatchLogsClient.builder(), Region.EU_WEST_1, "test")) {
      assertThat(west.describeLogGroups().logGroups()).isEmpty();
    }

    assertThatThrownBy(() -> logs.putMetricFilter(b -> b.logGroupName("app").filterName("f").filterPattern("ERROR")
        .metricTransformations(t -> t.metricName("m").metricNamespace("n").metricValue("1"))))
        .isInstanceOfSatisfying(CloudWatchLogsException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("ecs-emulator does not implement the CloudWatch "
              + "Logs operation PutMetricFilter yet. See the README for the supported operations.");
        });
  }
}
