package dev.ecsemulator.api.logs;

import static dev.ecsemulator.api.logs.AwslogsFixtures.COUNTER;
import static dev.ecsemulator.api.logs.AwslogsFixtures.LONG;
import static dev.ecsemulator.api.logs.AwslogsFixtures.logsAt;
import static dev.ecsemulator.api.logs.AwslogsFixtures.messages;
import static dev.ecsemulator.api.logs.AwslogsFixtures.runPrinter;
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
class AwslogsRestartContainersIT {

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

  static EcsClient ecs(Emulator at) {
    return EcsClient.builder().endpointOverride(URI.create(at.url())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Test
  void afterARestartTheOutputGoesOnWithoutGapOrRepeat() {
    Emulator first = start();
    String stream;
    int beforeRestart;
    try (EcsClient ecs = ecs(first); CloudWatchLogsClient logs = logsAt(first.url())) {
      ecs.createCluster(b -> b.clusterName("default"));
      stream = runPrinter(ecs, logs, "/ecs/counter", "counter", COUNTER);
      await().atMost(LONG).until(() -> messages(logs, "/ecs/counter", stream).size() >= 20);
    }
    first.close(); // the task runs on
    emulator = null;

    Emulator second = start();
    try (CloudWatchLogsClient logs = logsAt(second.url())) {
      beforeRestart = messages(logs, "/ecs/counter", stream).size();
      await().atMost(LONG).pollInterval(Duration.ofMillis(200))
          .until(() -> messages(logs, "/ecs/counter", stream).size() >= beforeRestart + 30);
      List<String> shipped = messages(logs, "/ecs/counter", stream);

      assertThat(shipped).containsExactlyElementsOf(
          IntStream.range(0, shipped.size()).mapToObj(i -> "line " + i).toList());
    }
  }
}
