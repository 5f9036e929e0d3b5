package dev.ecsemulator.api.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.AwsCli;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Reading logs with the AWS CLIs found on these machines: v1 from pip ({@code aws}: get-log-events, filter-log-events,
 * which it pages through itself) and v2 from Debian's awscli ({@code /usr/bin/aws}: {@code logs tail}, which reads
 * FilterLogEvents and with {@code --follow} polls it every 5 seconds). v1 has no {@code logs tail}. A CLI that is not
 * installed is skipped, saying so.
 */
class LogsCliIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final CloudWatchLogsClient logs = emulator.sdk(CloudWatchLogsClient.builder());

  @TempDir
  Path work;
  long now;

  @AfterAll
  static void closeClient() {
    logs.close();
  }

  @BeforeEach
  void logGroup() {
    now = System.currentTimeMillis();
    logs.createLogGroup(b -> b.logGroupName("/ecs/web"));
    logs.createLogStream(b -> b.logGroupName("/ecs/web").logStreamName("ecs/app/1"));
    logs.createLogStream(b -> b.logGroupName("/ecs/web").logStreamName("ecs/app/2"));
    put("ecs/app/1", now - 3000, "GET / 200");
    put("ecs/app/2", now - 2000, "ERROR disk full");
    put("ecs/app/1", now - 1000, "GET /health 200");
  }

  static void put(String stream, long timestamp, String message) {
    logs.putLogEvents(b -> b.logGroupName("/ecs/web").logStreamName(stream)
        .logEvents(InputLogEvent.builder().timestamp(timestamp).message(message).build()));
  }

  static AwsCli cli(String name, String version) {
    Optional<AwsCli> cli = AwsCli.find(name);
    assumeTrue(cli.isPresent(), name + " is not installed: this AWS CLI is skipped (bin/test installs Debian's "
        + "awscli for /usr/bin/aws; pip's awscli provides aws)");
    AwsCli.Result installed = cli.get().run(emulator.url(), Path.of(System.getProperty("java.io.tmpdir")), "--version");
    assumeTrue((installed.stdout() + installed.stderr()).startsWith("aws-cli/" + version),
        name + " is not AWS CLI v" + version + ": " + installed.stdout() + installed.stderr());
    return cli.get();
  }

  JsonNode json(AwsCli cli, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("--output", "json"));
    command.addAll(List.of(args));
    AwsCli.Result result = cli.run(emulator.url(), work, command.toArray(String[]::new));
    assertThat(result.exitCode()).as(command + "\nstderr: " + result.stderr()).isZero();
    return JSON.readTree(result.stdout());
  }

  static List<String> messages(JsonNode events) {
    List<String> out = new ArrayList<>();
    events.forEach(e -> out.add(e.path("message").asText()));
    return out;
  }

  @Test
  void cliV1ReadsAStreamAndFiltersTheGroupPagingByItself() throws Exception {
    AwsCli v1 = cli("aws", "1.");

    JsonNode stream = json(v1, "logs", "get-log-events", "--log-group-name", "/ecs/web", "--log-stream-name",
        "ecs/app/1", "--start-from-head");
    JsonNode errors = json(v1, "logs", "filter-log-events", "--log-group-name", "/ecs/web", "--filter-pattern", "ERROR");
    JsonNode paged = json(v1, "logs", "filter-log-events", "--log-group-name", "/ecs/web", "--page-size", "1");

    assertThat(messages(stream.path("events"))).containsExactly("GET / 200", "GET /health 200");
    assertThat(stream.path("nextForwardToken").asText()).startsWith("f/");
    assertThat(stream.path("nextBackwardToken").asText()).startsWith("b/");
    assertThat(messages(errors.path("events"))).containsExactly("ERROR disk full");
    assertThat(errors.path("events").path(0).path("logStreamName").asText()).isEqualTo("ecs/app/2");
    assertThat(messages(paged.path("events"))).containsExactly("GET / 200", "ERROR disk full", "GET /health 200");
  }

  @Test
  void cliV2GetsLogEventsAndTailsTheGroup() throws Exception {
    AwsCli v2 = cli("/usr/bin/aws", "2.");

    JsonNode stream = json(v2, "logs", "get-log-events", "--log-group-name", "/ecs/web", "--log-stream-name",
        "ecs/app/2");
    AwsCli.Result tail = v2.run(emulator.url(), work, "logs", "tail", "/ecs/web", "--since", "1h", "--color", "off");

    assertThat(messages(stream.path("events"))).containsExactly("ERROR disk full");
    assertThat(tail.exitCode()).as(tail.stderr()).isZero();
    assertThat(tail.stdout().lines().toList()).hasSize(3).satisfiesExactly(
        line -> assertThat(line).endsWith(" ecs/app/1 GET / 200"),
        line -> assertThat(line).endsWith(" ecs/app/2 ERROR disk full"),
        line -> assertThat(line).endsWith(" ecs/app/1 GET /health 200"));
    assertThat(tail.stdout()).contains("+00:00 ecs/app/1 GET / 200");
  }

  @Test
  void cliV2TailFollowPrintsNewEventsOnceEachUntilItIsStopped() throws Exception {
    AwsCli v2 = cli("/usr/bin/aws", "2.");

    try (AwsCli.Running follow = v2.start(emulator.url(), work, "logs", "tail", "/ecs/web", "--follow", "--since",
        "1h", "--format", "short", "--color", "off")) {
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(follow.stdout()).as(follow.stderr()).contains("GET /health 200"));
      put("ecs/app/2", System.currentTimeMillis(), "arrived while following");
      put("ecs/app/1", System.currentTimeMillis(), "and another");
      // --follow polls every 5 s, re-reading from the newest timestamp it printed.
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(follow.stdout()).contains("arrived while following", "and another"));
      assertThat(follow.process().isAlive()).isTrue();
      List<String> lines = follow.stdout().lines().toList();
      assertThat(lines).filteredOn(l -> l.endsWith("GET /health 200")).hasSize(1);
      assertThat(lines).filteredOn(l -> l.endsWith("arrived while following")).hasSize(1);
      assertThat(lines.get(0)).endsWith("GET / 200");
    }
  }
}
