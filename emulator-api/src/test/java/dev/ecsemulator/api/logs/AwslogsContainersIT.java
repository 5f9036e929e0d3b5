package dev.ecsemulator.api.logs;

import static dev.ecsemulator.api.logs.AwslogsFixtures.COUNTER;
import static dev.ecsemulator.api.logs.AwslogsFixtures.LONG;
import static dev.ecsemulator.api.logs.AwslogsFixtures.awaitMessages;
import static dev.ecsemulator.api.logs.AwslogsFixtures.awaitStatus;
import static dev.ecsemulator.api.logs.AwslogsFixtures.events;
import static dev.ecsemulator.api.logs.AwslogsFixtures.messages;
import static dev.ecsemulator.api.logs.AwslogsFixtures.printer;
import static dev.ecsemulator.api.logs.AwslogsFixtures.register;
import static dev.ecsemulator.api.logs.AwslogsFixtures.run;
import static dev.ecsemulator.api.logs.AwslogsFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Tasks whose containers use the awslogs driver, on the real Docker engine: their output read back through the
 * CloudWatch Logs API (SDK v2), as the ECS agent and Docker's driver ship it.
 */
class AwslogsContainersIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final CloudWatchLogsClient logs = emulator.sdk(CloudWatchLogsClient.builder());
  static final DockerEngine docker = new DockerEngine(DockerEngine.resolveHost(null));

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  @AfterAll
  static void close() {
    logs.close();
    docker.close();
  }

  static Map<String, String> options(String group, String... more) {
    Map<String, String> options = new java.util.LinkedHashMap<>(Map.of("awslogs-group", group,
        "awslogs-region", "us-east-1"));
    for (int i = 0; i < more.length; i += 2) {
      options.put(more[i], more[i + 1]);
    }
    return options;
  }

  @Test
  void eachContainerHasTheStreamPrefixContainerTaskIdWithItsStdoutAndStderr() {
    logs.createLogGroup(b -> b.logGroupName("/ecs/naming"));
    Map<String, String> options = options("/ecs/naming", "awslogs-stream-prefix", "web");
    long before = System.currentTimeMillis();
    String td = register(ecs, "naming",
        printer("app", "echo out 1; echo err 1 >&2; echo out 2; exec sleep 600", options),
        printer("sidecar", "echo side 1; exec sleep 600", options));
    String arn = run(ecs, td).taskArn();
    awaitStatus(ecs, arn, "RUNNING");
    String id = taskId(arn);

    List<String> app = awaitMessages(logs, "/ecs/naming", "web/app/" + id, 3);
    List<String> side = awaitMessages(logs, "/ecs/naming", "web/sidecar/" + id, 1);

    assertThat(app).containsExactlyInAnyOrder("out 1", "err 1", "out 2");
    assertThat(app.indexOf("out 1")).isLessThan(app.indexOf("out 2"));
    assertThat(side).containsExactly("side 1");
    assertThat(logs.describeLogStreams(b -> b.logGroupName("/ecs/naming")).logStreams())
        .extracting(LogStream::logStreamName)
        .containsExactly("web/app/" + id, "web/sidecar/" + id);
    assertThat(events(logs, "/ecs/naming", "web/app/" + id)).extracting(OutputLogEvent::timestamp)
        .allSatisfy(t -> assertThat(t).isBetween(before - 1000, System.currentTimeMillis()));
    // The container keeps Docker's json-file copy: docker logs reads it.
    Container container = describeContainer(arn, "app");
    assertThat(docker.client().inspectContainerCmd(container.runtimeId()).exec().getHostConfig().getLogConfig()
        .getType().getType()).isEqualTo("json-file");
    assertThat(dockerLogs(container.runtimeId())).contains("out 1\n", "err 1\n", "out 2\n");
  }

  @Test
  void withoutAPrefixTheStreamIsNamedAfterTheContainerId() {
    logs.createLogGroup(b -> b.logGroupName("/ecs/plain"));
    String arn = run(ecs, register(ecs, "plain", printer("app", "echo hello; exec sleep 600",
        options("/ecs/plain")))).taskArn();
    Task running = awaitStatus(ecs, arn, "RUNNING");
    String containerId = running.containers().get(0).runtimeId();

    assertThat(containerId).hasSize(64);
    assertThat(awaitMessages(logs, "/ecs/plain", containerId, 1)).containsExactly("hello");
  }

  @Test
  void aMissingGroupStopsTheTaskAsEcsReportsIt() {
    String arn = run(ecs, register(ecs, "nogroup", printer("app", "echo never", options("/ecs/missing",
        "awslogs-stream-prefix", "ecs")))).taskArn();

    Task stopped = awaitStatus(ecs, arn, "STOPPED");

    String reason = "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: "
        + "failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not "
        + "exist. status code: 400, request id: ";
    assertThat(stopped.stopCode().toString()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.stoppedReason()).startsWith(reason).matches(".*request id: [0-9a-f-]{36}$");
    assertThat(stopped.containers().get(0).reason()).startsWith(reason);
    assertThat(stopped.containers().get(0).exitCode()).isNull();
    assertThat(logs.describeLogGroups().logGroups()).isEmpty();
  }

  @Test
  void createGroupTrueMakesTheGroupAndItsStream() {
    String arn = run(ecs, register(ecs, "mkgroup", printer("app", "echo made; exec sleep 600",
        options("/ecs/made", "awslogs-create-group", "true", "awslogs-stream-prefix", "ecs")))).taskArn();
    awaitStatus(ecs, arn, "RUNNING");

    assertThat(awaitMessages(logs, "/ecs/made", "ecs/app/" + taskId(arn), 1)).containsExactly("made");
    assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix("/ecs/made")).logGroups()).hasSize(1);
  }

  @Test
  void optionsDockerRefusesFailTheCreation() {
    String arn = run(ecs, register(ecs, "badopt", printer("app", "echo never",
        options("/ecs/any", "awslogs-create-group", "yes")))).taskArn();

    Task stopped = awaitStatus(ecs, arn, "STOPPED");

    assertThat(stopped.stoppedReason()).isEqualTo("CannotCreateContainerError: Error response from daemon: must "
        + "specify valid value for log opt 'awslogs-create-group': strconv.ParseBool: parsing \"yes\": invalid syntax");
  }

  @Test
  void aMultilinePatternJoinsLinesUntilTheNextLineThatMatches() {
    logs.createLogGroup(b -> b.logGroupName("/ecs/multi"));
    String script = "printf 'INFO start\\n  at one\\n  at two\\nINFO next\\nERROR last\\n  detail\\n'";
    String arn = run(ecs, register(ecs, "multi", printer("app", script,
        options("/ecs/multi", "awslogs-stream-prefix", "ecs", "awslogs-multiline-pattern", "^(INFO|ERROR)"))))
        .taskArn();
    awaitStatus(ecs, arn, "STOPPED");

    // The driver adds a newline to every line of an event; the last event goes when the output ends.
    assertThat(awaitMessages(logs, "/ecs/multi", "ecs/app/" + taskId(arn), 3)).containsExactly(
        "INFO start\n  at one\n  at two\n", "INFO next\n", "ERROR last\n  detail\n");
  }

  @Test
  void aDatetimeFormatStartsAnEventAtEachLineWithThatDate() {
    logs.createLogGroup(b -> b.logGroupName("/ecs/dated"));
    String script = "printf '2026-01-02 10:00:00 boom\\nTraceback\\n  line 3\\n2026-01-02 10:00:01 ok\\n'";
    String arn = run(ecs, register(ecs, "dated", printer("app", script, options("/ecs/dated",
        "awslogs-stream-prefix", "ecs", "awslogs-datetime-format", "%Y-%m-%d %H:%M:%S")))).taskArn();
    awaitStatus(ecs, arn, "STOPPED");

    assertThat(awaitMessages(logs, "/ecs/dated", "ecs/app/" + taskId(arn), 2)).containsExactly(
        "2026-01-02 10:00:00 boom\nTraceback\n  line 3\n", "2026-01-02 10:00:01 ok\n");
  }

  @Test
  void everythingAContainerPrintedIsShippedOnceItExits() {
    logs.createLogGroup(b -> b.logGroupName("/ecs/burst"));
    String arn = run(ecs, register(ecs, "burst", printer("app",
        "i=0; while [ $i -lt 3000 ]; do echo line $i; i=$((i+1)); done", options("/ecs/burst",
            "awslogs-stream-prefix", "ecs")))).taskArn();
    awaitStatus(ecs, arn, "STOPPED");

    List<String> shipped = awaitMessages(logs, "/ecs/burst", "ecs/app/" + taskId(arn), 3000);

    assertThat(shipped).containsExactlyElementsOf(IntStream.range(0, 3000).mapToObj(i -> "line " + i).toList());
  }

  @Test
  void awslogsRegionShipsToThatRegionOfTheTasksAccount() {
    try (CloudWatchLogsClient ireland = emulator.sdk(CloudWatchLogsClient.builder(), Region.EU_WEST_1, "test")) {
      ireland.createLogGroup(b -> b.logGroupName("/ecs/far"));
      Map<String, String> options = options("/ecs/far", "awslogs-stream-prefix", "ecs");
      options.put("awslogs-region", "eu-west-1");
      String arn = run(ecs, register(ecs, "far", printer("app", "echo far away; exec sleep 600", options)))
          .taskArn();
      awaitStatus(ecs, arn, "RUNNING");

      assertThat(awaitMessages(ireland, "/ecs/far", "ecs/app/" + taskId(arn), 1)).containsExactly("far away");
      assertThat(logs.describeLogGroups().logGroups()).isEmpty();
    }
  }

  @Test
  void onFargateAMissingGroupIsAResourceInitializationError() {
    String td = ecs.registerTaskDefinition(b -> b.family("fargate-logs").networkMode(NetworkMode.AWSVPC)
        .requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512")
        .executionRoleArn("arn:aws:iam::000000000000:role/ecsTaskExecutionRole")
        .containerDefinitions(printer("app", "echo never", options("/ecs/gone", "awslogs-stream-prefix", "ecs"))))
        .taskDefinition().taskDefinitionArn();
    String arn = ecs.runTask(b -> b.taskDefinition(td).launchType(LaunchType.FARGATE)
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))).tasks().get(0).taskArn();

    Task stopped = awaitStatus(ecs, arn, "STOPPED");

    assertThat(stopped.stoppedReason()).isEqualTo("ResourceInitializationError: failed to validate logger args: "
        + "create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: "
        + "The specified log group does not exist. : exit status 1");
  }

  @Test
  void aRunningTasksOutputKeepsComing() {
    logs.createLogGroup(b -> b.logGroupName("/ecs/live"));
    String arn = run(ecs, register(ecs, "live", printer("app", COUNTER, options("/ecs/live",
        "awslogs-stream-prefix", "ecs")))).taskArn();
    awaitStatus(ecs, arn, "RUNNING");
    String stream = "ecs/app/" + taskId(arn);

    List<String> first = awaitMessages(logs, "/ecs/live", stream, 5);
    await().atMost(LONG).pollInterval(Duration.ofMillis(200))
        .until(() -> messages(logs, "/ecs/live", stream).size() >= first.size() + 10);
    List<String> later = messages(logs, "/ecs/live", stream);

    assertThat(later).startsWith(first.toArray(String[]::new));
    assertThat(later).containsExactlyElementsOf(IntStream.range(0, later.size()).mapToObj(i -> "line " + i).toList());
  }

  private static Container describeContainer(String taskArn, String name) {
    return AwslogsFixtures.describe(ecs, taskArn).containers().stream().filter(c -> c.name().equals(name))
        .findFirst().orElseThrow();
  }

  /** What {@code docker logs} prints of a container, stdout and stderr. */
  private static String dockerLogs(String containerId) {
    List<String> frames = new ArrayList<>();
    try {
      docker.client().logContainerCmd(containerId).withStdOut(true).withStdErr(true)
          .exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
              frames.add(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
          }).awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return String.join("", frames);
  }
}
