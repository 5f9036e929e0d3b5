package dev.ecsemulator.bench.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.bench.client.Poll;
import dev.ecsemulator.bench.docker.BenchDocker;
import dev.ecsemulator.bench.docker.ContainerTemplate;
import dev.ecsemulator.bench.tasks.EcsTasks;
import dev.ecsemulator.core.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One rolling update on the emulator: a service of {@code n} sample-web:1 tasks, stable and HEALTHY (untimed), then
 * UpdateService to :2, timed from sending it to the first DescribeServices answer that meets the
 * {@code services-stable} waiter's condition for the new task definition. Afterwards it reads where the time went
 * from the tasks' own timestamps and Docker's health logs. Not thread-safe.
 */
final class EmulatorRollout {

  static final Duration POLL = Duration.ofMillis(20);
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  /**
   * A measured rollout. Every {@code ...AtMs} is milliseconds from sending UpdateService (the emulator's task
   * timestamps and Docker's are on the same clock as the harness's).
   *
   * @param wallMs UpdateService sent → DescribeServices shows the service stable on :2
   * @param firstCreatedAtMs the first new task's createdAt (the deployment's first launch decision)
   * @param lastStartedAtMs the last new task's startedAt (RUNNING)
   * @param firstHealthyAtMs the end of the first new container's first passing probe: from then on, at 100/200,
   *     the deployment configuration allows stopping an old task
   * @param lastHealthyAtMs the end of the last new container's first passing probe (Docker's health log)
   * @param firstStoppingAtMs the first old task's stoppingAt (the first stop decision)
   * @param lastStoppedAtMs the last old task's stoppedAt
   * @param launchMs the longest createdAt → startedAt of a new task
   * @param stopMs the longest stoppingAt → stoppedAt of an old task
   */
  record Measured(double wallMs, double firstCreatedAtMs, double lastStartedAtMs, double firstHealthyAtMs,
      double lastHealthyAtMs,
      double firstStoppingAtMs, double lastStoppedAtMs, double launchMs, double stopMs) {}

  private final EcsTasks ecs;
  private final BenchDocker docker;

  EmulatorRollout(EcsTasks ecs, BenchDocker docker) {
    this.ecs = ecs;
    this.docker = docker;
  }

  /** Creates the service on the old task definition and waits until it is stable and every task HEALTHY. */
  void prepare(String service, String oldTaskDefinition, int n) {
    ecs.createService(RolloutKinds.service(service, oldTaskDefinition, n));
    Poll.until(service + " stable and healthy on :1", TIMEOUT, Duration.ofMillis(100), () -> {
      if (!EcsTasks.stable(ecs.describeService(RolloutKinds.CLUSTER, service), oldTaskDefinition)) {
        return false;
      }
      List<JsonNode> tasks = running(service);
      return tasks.size() == n && tasks.stream().allMatch(t -> "HEALTHY".equals(t.path("healthStatus").asText()));
    });
  }

  /** A copy of the container of one of the service's running tasks, for the raw baseline. */
  ContainerTemplate template(String service) {
    String id = running(service).get(0).path("containers").path(0).path("runtimeId").asText();
    return ContainerTemplate.of(docker.inspect(id), 30);
  }

  Measured update(String service, String oldTaskDefinition, String newTaskDefinition, int n) {
    Instant sent = Instant.now();
    long begin = System.nanoTime();
    ecs.updateService(Map.of("cluster", RolloutKinds.CLUSTER, "service", service,
        "taskDefinition", newTaskDefinition));
    Poll.until(service + " stable on :2", TIMEOUT, POLL,
        () -> EcsTasks.stable(ecs.describeService(RolloutKinds.CLUSTER, service), newTaskDefinition));
    double wallMs = (System.nanoTime() - begin) / 1e6;

    List<JsonNode> fresh = running(service).stream()
        .filter(t -> t.path("taskDefinitionArn").asText().equals(newTaskDefinition)).toList();
    List<JsonNode> old = ecs.describe(RolloutKinds.CLUSTER, ecs.list(Map.of("cluster", RolloutKinds.CLUSTER,
            "serviceName", service, "desiredStatus", TaskStatus.STOPPED.name()))).stream()
        .filter(t -> t.path("taskDefinitionArn").asText().equals(oldTaskDefinition)).toList();
    if (fresh.size() != n || old.size() != n) {
      throw new IllegalStateException("expected " + n + " new RUNNING and " + n + " old STOPPED tasks, found "
          + fresh.size() + " and " + old.size());
    }
    double firstCreated = Double.MAX_VALUE;
    double lastStarted = 0;
    double firstHealthy = Double.MAX_VALUE;
    double lastHealthy = 0;
    double launch = 0;
    for (JsonNode t : fresh) {
      firstCreated = Math.min(firstCreated, since(sent, EcsTasks.time(t, "createdAt")));
      lastStarted = Math.max(lastStarted, since(sent, EcsTasks.time(t, "startedAt")));
      launch = Math.max(launch, EcsTasks.millis(t, "createdAt", "startedAt"));
      var container = docker.inspect(t.path("containers").path(0).path("runtimeId").asText());
      double healthy = since(sent, RawWave.time(RawWave.firstPassingProbe(container).getEnd()));
      firstHealthy = Math.min(firstHealthy, healthy);
      lastHealthy = Math.max(lastHealthy, healthy);
    }
    double firstStopping = Double.MAX_VALUE;
    double lastStopped = 0;
    double stop = 0;
    for (JsonNode t : old) {
      firstStopping = Math.min(firstStopping, since(sent, EcsTasks.time(t, "stoppingAt")));
      lastStopped = Math.max(lastStopped, since(sent, EcsTasks.time(t, "stoppedAt")));
      stop = Math.max(stop, EcsTasks.millis(t, "stoppingAt", "stoppedAt"));
    }
    return new Measured(wallMs, firstCreated, lastStarted, firstHealthy, lastHealthy, firstStopping, lastStopped, launch, stop);
  }

  private List<JsonNode> running(String service) {
    return ecs.describe(RolloutKinds.CLUSTER, ecs.list(Map.of("cluster", RolloutKinds.CLUSTER,
        "serviceName", service)));
  }

  private static double since(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }
}
