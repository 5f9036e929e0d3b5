package dev.ecsemulator.api.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.EmulatorConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** Log groups, streams and events in durable state: the emulator restarted on its data directory has them all. */
class LogsDurableTest {

  @TempDir Path dataDir;
  final List<Emulator> running = new ArrayList<>();

  @AfterEach
  void stop() {
    running.forEach(Emulator::close);
  }

  Emulator durable() {
    Emulator emulator = Emulator.start(EmulatorConfig.forTests(0, dataDir).withEphemeral(false));
    running.add(emulator);
    return emulator;
  }

  static CloudWatchLogsClient client(Emulator emulator) {
    return CloudWatchLogsClient.builder()
        .endpointOverride(URI.create(emulator.url()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static void put(CloudWatchLogsClient logs, String stream, long timestamp, String... messages) {
    List<InputLogEvent> events = new ArrayList<>();
    for (String message : messages) {
      events.add(InputLogEvent.builder().timestamp(timestamp).message(message).build());
    }
    logs.putLogEvents(b -> b.logGroupName("app").logStreamName(stream).logEvents(events));
  }

  @Test
  void eventsTokensAndEventIdsSurviveARestartAndWritingGoesOn() {
    long now = System.currentTimeMillis();
    Emulator first = durable();
    List<FilteredLogEvent> before;
    GetLogEventsResponse read;
    LogGroup groupBefore;
    try (CloudWatchLogsClient logs = client(first)) {
      logs.createLogGroup(b -> b.logGroupName("app"));
      logs.putRetentionPolicy(b -> b.logGroupName("app").retentionInDays(7));
      logs.createLogStream(b -> b.logGroupName("app").logStreamName("web"));
      logs.createLogStream(b -> b.logGroupName("app").logStreamName("worker"));
      put(logs, "web", now - 3, "héllo", "{\"level\": \"error\"}");
      put(logs, "worker", now - 2, "tab\tand \"quotes\"");
      before = logs.filterLogEvents(b -> b.logGroupName("app")).events();
      read = logs.getLogEvents(b -> b.logGroupName("app").logStreamName("web").startFromHead(true));
      groupBefore = logs.describeLogGroups().logGroups().get(0);
    }
    first.close();

    Emulator second = durable();
    try (CloudWatchLogsClient logs = client(second)) {
      assertThat(logs.filterLogEvents(b -> b.logGroupName("app")).events()).isEqualTo(before);
      assertThat(logs.filterLogEvents(b -> b.logGroupName("app").filterPattern("{ $.level = error }")).events())
          .extracting(FilteredLogEvent::message).containsExactly("{\"level\": \"error\"}");
      assertThat(logs.describeLogGroups().logGroups()).containsExactly(groupBefore);

      put(logs, "web", now - 1, "after the restart");
      GetLogEventsResponse more = logs.getLogEvents(b -> b.logGroupName("app").logStreamName("web")
          .startFromHead(true).nextToken(read.nextForwardToken()));
      assertThat(more.events()).extracting(OutputLogEvent::message).containsExactly("after the restart");
      assertThat(second.logs().events().lastTimestamp(
          new dev.ecsemulator.core.Scope("000000000000", "us-east-1"), "app", "web")).hasValue(now - 1);
    }
  }
}
