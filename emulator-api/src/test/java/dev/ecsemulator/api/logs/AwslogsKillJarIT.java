package dev.ecsemulator.api.logs;

import static dev.ecsemulator.api.logs.AwslogsFixtures.logsAt;
import static dev.ecsemulator.api.logs.AwslogsFixtures.messages;
import static dev.ecsemulator.api.logs.AwslogsFixtures.runPrinter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.EmulatorProcess;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.ManagedResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The packaged jar killed with SIGKILL while a task prints 2,000 numbered lines a second (what was read but not yet
 * stored dies with it), then started again on the same data directory: the task's stream goes on from where it
 * ended, without a gap or a line twice.
 */
class AwslogsKillJarIT {

  static final DockerEngine ENGINE = new DockerEngine(DockerEngine.resolveHost(null));
  static final Duration LONG = Duration.ofSeconds(120);
  /** 200 numbered lines every 0.1 s. */
  static final String FAST_COUNTER = "i=0; while true; do seq $i $((i+199)) | sed 's/^/line /'; i=$((i+200)); "
      + "sleep 0.1; done";

  @TempDir Path dataDir;
  final List<EmulatorProcess> processes = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    processes.forEach(EmulatorProcess::close);
    new ManagedResources(ENGINE, EmulatorInstance.forDataDir(dataDir)).removeAll();
  }

  EmulatorProcess start() {
    EmulatorProcess process = EmulatorProcess.start(dataDir);
    processes.add(process);
    return process;
  }

  static CloudWatchLogsClient logs(EmulatorProcess process) {
    return logsAt("http://127.0.0.1:" + process.port());
  }

  @Test
  void afterAKillTheOutputGoesOnWithoutGapOrRepeat() {
    EmulatorProcess first = start();
    String stream;
    try (EcsClient ecs = first.client(); CloudWatchLogsClient logs = logs(first)) {
      ecs.createCluster(b -> b.clusterName("default"));
      stream = runPrinter(ecs, logs, "/ecs/fast", "fast", FAST_COUNTER);
      await().atMost(LONG).until(() -> messages(logs, "/ecs/fast", stream).size() >= 3000);
    }
    first.kill();

    EmulatorProcess second = start();
    try (CloudWatchLogsClient logs = logs(second)) {
      int before = messages(logs, "/ecs/fast", stream).size();
      await().atMost(LONG).pollInterval(Duration.ofMillis(500))
          .until(() -> messages(logs, "/ecs/fast", stream).size() >= before + 6000);
      List<String> shipped = messages(logs, "/ecs/fast", stream);

      assertThat(shipped).containsExactlyElementsOf(
          IntStream.range(0, shipped.size()).mapToObj(i -> "line " + i).toList());
    }
  }
}
