package dev.ecsemulator.bench.scale;

import dev.ecsemulator.bench.client.Poll;
import dev.ecsemulator.bench.tasks.EcsTasks;
import dev.ecsemulator.core.task.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scale benchmark's tasks: small idle containers (the sample image, 16 MiB, no health check, no port) in two
 * families, the few "probe" tasks the measured requests read, and the "fill" that brings the emulator up to the
 * benchmark's task count. Not thread-safe.
 */
final class ScaleFleet {

  static final String CLUSTER = "bench-scale";
  static final String PROBE = "bench-scale-probe";
  static final String FILL = "bench-scale-fill";
  static final String IMAGE = "ecs-emulator/sample-web:1";
  static final int MEMORY_MIB = 16;
  /** RunTask's {@code count} is at most 10 (model RunTaskRequest.count). */
  private static final int PER_CALL = 10;
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private final EcsTasks ecs;

  ScaleFleet(EcsTasks ecs) {
    this.ecs = ecs;
  }

  void prepare() {
    ecs.createCluster(CLUSTER);
    for (String family : List.of(PROBE, FILL)) {
      ecs.register(Map.of("family", family, "networkMode", "bridge", "requiresCompatibilities", List.of("EC2"),
          "containerDefinitions", List.of(Map.of("name", "app", "image", IMAGE, "essential", true,
              "memory", MEMORY_MIB))));
    }
  }

  /** Runs {@code count} tasks of {@code family} and waits until all are RUNNING; returns their ARNs. */
  List<String> run(String family, int count) {
    List<String> arns = new ArrayList<>();
    while (arns.size() < count) {
      arns.addAll(ecs.run(Map.of("cluster", CLUSTER, "taskDefinition", family, "launchType", "EC2",
          "count", Math.min(PER_CALL, count - arns.size()))));
    }
    Poll.until(count + " " + family + " tasks RUNNING", TIMEOUT, Duration.ofMillis(500), () -> {
      var tasks = ecs.describe(CLUSTER, arns);
      for (var t : tasks) {
        if (TaskStatus.STOPPED.is(t.path("lastStatus").asText())) {
          throw new IllegalStateException("task " + t.path("taskArn").asText() + " stopped: "
              + t.path("stoppedReason").asText());
        }
      }
      return tasks.stream().allMatch(t -> TaskStatus.RUNNING.is(t.path("lastStatus").asText()));
    });
    return arns;
  }

  /** Stops every task of {@code family} and waits until all are STOPPED. */
  void stopAll(String family) {
    for (String arn : ecs.list(Map.of("cluster", CLUSTER, "family", family))) {
      ecs.stop(CLUSTER, arn);
    }
    ecs.awaitAllStopped(CLUSTER, family, TIMEOUT);
  }
}
