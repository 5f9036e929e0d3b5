package dev.ecsemulator.api.logs;

import static dev.ecsemulator.api.logs.AwslogsFixtures.COUNTER;
import static dev.ecsemulator.api.logs.AwslogsFixtures.awaitMessages;
import static dev.ecsemulator.api.logs.AwslogsFixtures.runPrinter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.api.support.AwsCli;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Reading a running task's logs with the AWS CLIs, as one reads them on ECS: v1's {@code logs get-log-events} of the
 * task's stream, and v2's {@code logs tail --follow} of its group (Debian's CLI v2 at {@code /usr/bin/aws}). A CLI
 * that is not installed is skipped, saying so.
 */
class TaskLogsCliContainersIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final CloudWatchLogsClient logs = emulator.sdk(CloudWatchLogsClient.builder());

  @TempDir
  Path work;
  String stream;

  @AfterAll
  static void closeClient() {
    logs.close();
  }

  @BeforeEach
  void aTaskPrintingACounter() {
    ecs.createCluster(b -> b.clusterName("default"));
    stream = runPrinter(ecs, logs, "/ecs/counter", "counter", COUNTER);
    awaitMessages(logs, "/ecs/counter", stream, 3);
  }

  @Test
  void cliV1GetsTheTasksLogEvents() throws Exception {
    AwsCli v1 = LogsCliIT.cli("aws", "1.");

    AwsCli.Result result = v1.runJson(emulator.url(), work, "logs", "get-log-events", "--log-group-name",
        "/ecs/counter", "--log-stream-name", stream, "--start-from-head");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    JsonNode events = LogsCliIT.JSON.readTree(result.stdout()).path("events");
    List<String> messages = LogsCliIT.messages(events);
    assertThat(messages.size()).isGreaterThanOrEqualTo(3);
    assertThat(messages).containsExactlyElementsOf(
        IntStream.range(0, messages.size()).mapToObj(i -> "line " + i).toList());
  }

  @Test
  void cliV2TailsTheTasksGroupAsItPrints() throws Exception {
    AwsCli v2 = LogsCliIT.cli("/usr/bin/aws", "2.");

    try (AwsCli.Running follow = v2.start(emulator.url(), work, "logs", "tail", "/ecs/counter", "--follow",
        "--since", "1h", "--color", "off")) {
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(follow.stdout()).as(follow.stderr()).contains(" " + stream + " line 0\n"));
      // --follow polls every 5 s: lines printed meanwhile come with the next poll.
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(follow.stdout()).contains(" " + stream + " line 80\n"));
      assertThat(follow.stdout().lines().filter(l -> l.endsWith(" line 1"))).hasSize(1);
    }
  }
}
