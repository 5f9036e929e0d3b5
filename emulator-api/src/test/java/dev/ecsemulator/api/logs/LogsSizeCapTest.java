package dev.ecsemulator.api.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import dev.ecsemulator.core.logs.LogsSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** A log group held to its byte budget ({@code --logs-max-group-bytes}): its oldest events go first. */
class LogsSizeCapTest {

  /** Each event below counts 100 bytes (74 of message, 26 of overhead): ten fit. */
  static final long BUDGET = 1_000;

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension(
      config -> config.withLogs(LogsSettings.defaults().withMaxGroupBytes(BUDGET)));
  static final TestEmulator emulator = EMULATOR.emulator();
  static final CloudWatchLogsClient logs = emulator.sdk(CloudWatchLogsClient.builder());

  @AfterAll
  static void closeClient() {
    logs.close();
  }

  static void put(String stream, long timestamp, int first, int count) {
    List<InputLogEvent> events = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      events.add(InputLogEvent.builder().timestamp(timestamp).message(message(i)).build());
    }
    logs.putLogEvents(b -> b.logGroupName("app").logStreamName(stream).logEvents(events));
  }

  static String message(int i) {
    return String.format("%-74s", "event " + i);
  }

  @Test
  void theOldestEventsLeaveAcrossStreamsSoTheGroupNeverHoldsMoreThanItsBudget() {
    logs.createLogGroup(b -> b.logGroupName("app"));
    logs.createLogStream(b -> b.logGroupName("app").logStreamName("a"));
    logs.createLogStream(b -> b.logGroupName("app").logStreamName("b"));
    long now = System.currentTimeMillis();

    put("a", now - 10, 0, 6);
    put("b", now - 5, 6, 6);
    put("a", now, 12, 3);

    List<String> kept = new ArrayList<>();
    logs.filterLogEventsPaginator(b -> b.logGroupName("app")).events().stream()
        .map(FilteredLogEvent::message).map(String::strip).forEach(kept::add);
    assertThat(kept).containsExactly("event 5", "event 6", "event 7", "event 8", "event 9", "event 10", "event 11",
        "event 12", "event 13", "event 14");
    assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix("app")).logGroups().get(0).storedBytes())
        .isEqualTo(BUDGET);
    assertThat(logs.describeLogStreams(b -> b.logGroupName("app").logStreamNamePrefix("a")).logStreams().get(0)
        .firstEventTimestamp()).isEqualTo(now - 10);
    assertThat(logs.getLogEvents(b -> b.logGroupName("app").logStreamName("a").startFromHead(true)).events())
        .hasSize(4);
  }
}
