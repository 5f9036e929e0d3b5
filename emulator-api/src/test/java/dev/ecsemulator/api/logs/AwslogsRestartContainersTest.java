package dev.ecsemulator.api.logs;

import static dev.ecsemulator.api.logs.AwslogsFixtures.COUNTER;
import static dev.ecsemulator.api.logs.AwslogsFixtures.LONG;
import static dev.ecsemulator.api.logs.AwslogsFixtures.awaitStatus;
import static dev.ecsemulator.api.logs.AwslogsFixtures.messages;
import static dev.ecsemulator.api.logs.AwslogsFixtures.printer;
import static dev.ecsemulator.api.logs.AwslogsFixtures.register;
import static dev.ecsemulator.api.logs.AwslogsFixtures.run;
import static dev.ecsemulator.api.logs.AwslogsFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.EmulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The emulator restarted (in this JVM, on the same data directory) while a task prints a counter: the container is
 * adopted and its output shipped on from where its stream ended, without a gap or a line twice, the lines printed
 * while the emulator was down included.
 */
class AwslogsRestartContainersTest {

  @TempDir Path dataDir;
  Emulator emulator;

  Emulator start() {
    emulator = Emulator.start(EmulatorConfig.forTests(0, dataDir).withEphemeral(false));
    return emulator;
  }

  @AfterEach
  void removeTheTasksContainers() throws Exception {
    if (emulator != null) {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.url() + "/_emulator/reset"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
      emulator.close();
    }
  }

  static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
      & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C client(B builder, Emulator at) {
    return builder.endpointOverride(URI.create(at.url())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Test
  void afterARestartTheOutputGoesOnWithoutGapOrRepeat() {
    Emulator first = start();
    String stream;
    int beforeRestart;
    try (EcsClient ecs = client(EcsClient.builder(), first);
        CloudWatchLogsClient logs = client(CloudWatchLogsClient.builder(), first)) {
      ecs.createCluster(b -> b.clusterName("default"));
      logs.createLogGroup(b -> b.logGroupName("/ecs/counter"));
      String arn = run(ecs, register(ecs, "counter", printer("app", COUNTER,
          Map.of("awslogs-group", "/ecs/counter", "awslogs-stream-prefix", "ecs")))).taskArn();
      awaitStatus(ecs, arn, "RUNNING");
      stream = "ecs/app/" + taskId(arn);
      await().atMost(LONG).until(() -> messages(logs, "/ecs/counter", stream).size() >= 20);
    }
    first.close(); // the task runs on
    emulator = null;

    Emulator second = start();
    try (CloudWatchLogsClient logs = client(CloudWatchLogsClient.builder(), second)) {
      beforeRestart = messages(logs, "/ecs/counter", stream).size();
      await().atMost(LONG).pollInterval(Duration.ofMillis(200))
          .until(() -> messages(logs, "/ecs/counter", stream).size() >= beforeRestart + 30);
      List<String> shipped = messages(logs, "/ecs/counter", stream);

      assertThat(shipped).containsExactlyElementsOf(
          IntStream.range(0, shipped.size()).mapToObj(i -> "line " + i).toList());
    }
  }
}
