package dev.ecsemulator.api.logs;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/** Task definitions that print, and reads of what they shipped, shared by the awslogs tests. */
final class AwslogsFixtures {

  static final String IMAGE = "ecs-emulator/sample-web:1";
  static final Duration LONG = Duration.ofSeconds(60);
  /** Prints {@code line N} every 0.1 s, from 0, for ever. */
  static final String COUNTER = "i=0; while true; do echo line $i; i=$((i+1)); sleep 0.1; done";

  private AwslogsFixtures() {}

  /** A container of the sample image (busybox sh inside) running {@code script}, with the awslogs driver. */
  static ContainerDefinition printer(String name, String script, Map<String, String> options) {
    return ContainerDefinition.builder()
        .name(name)
        .image(IMAGE)
        .memory(32)
        .command("sh", "-c", script)
        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(options))
        .build();
  }

  static String register(EcsClient ecs, String family, ContainerDefinition... containers) {
    return ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(containers))
        .taskDefinition().taskDefinitionArn();
  }

  static Task run(EcsClient ecs, String taskDefinition) {
    RunTaskResponse response = ecs.runTask(b -> b.taskDefinition(taskDefinition));
    if (!response.failures().isEmpty()) {
      throw new AssertionError("RunTask failed: " + response.failures());
    }
    return response.tasks().get(0);
  }

  static Task describe(EcsClient ecs, String taskArn) {
    return ecs.describeTasks(b -> b.tasks(taskArn)).tasks().get(0);
  }

  static Task awaitStatus(EcsClient ecs, String taskArn, String lastStatus) {
    await().atMost(LONG).pollInterval(Duration.ofMillis(100))
        .until(() -> lastStatus.equals(describe(ecs, taskArn).lastStatus()));
    return describe(ecs, taskArn);
  }

  /**
   * Creates the group, then runs a task of one container {@code app} printing with {@code script} to it (stream prefix
   * {@code ecs}); returns the stream's name once the task runs.
   */
  static String runPrinter(EcsClient ecs, CloudWatchLogsClient logs, String group, String family, String script) {
    logs.createLogGroup(b -> b.logGroupName(group));
    String arn = run(ecs, register(ecs, family, printer("app", script,
        Map.of("awslogs-group", group, "awslogs-stream-prefix", "ecs")))).taskArn();
    awaitStatus(ecs, arn, "RUNNING");
    return "ecs/app/" + taskId(arn);
  }

  /** A CloudWatch Logs client of the emulator at {@code url}: us-east-1, the default account. */
  static CloudWatchLogsClient logsAt(String url) {
    return CloudWatchLogsClient.builder().endpointOverride(URI.create(url)).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  static String taskId(String taskArn) {
    return taskArn.substring(taskArn.lastIndexOf('/') + 1);
  }

  /** Every event of a stream, oldest first (GetLogEvents from the head, following the forward token). */
  static List<OutputLogEvent> events(CloudWatchLogsClient logs, String group, String stream) {
    List<OutputLogEvent> all = new ArrayList<>();
    String token = null;
    while (true) {
      String from = token;
      var page = logs.getLogEvents(b -> b.logGroupName(group).logStreamName(stream).startFromHead(true)
          .nextToken(from));
      all.addAll(page.events());
      if (page.nextForwardToken().equals(token)) {
        return all;
      }
      token = page.nextForwardToken();
    }
  }

  static List<String> messages(CloudWatchLogsClient logs, String group, String stream) {
    return events(logs, group, stream).stream().map(OutputLogEvent::message).toList();
  }

  /** Waits until the stream holds at least {@code count} events; returns its messages. */
  static List<String> awaitMessages(CloudWatchLogsClient logs, String group, String stream, int count) {
    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> messages(logs, group, stream).size() >= count);
    return messages(logs, group, stream);
  }
}
