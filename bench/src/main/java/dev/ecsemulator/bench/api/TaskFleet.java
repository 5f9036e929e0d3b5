package dev.ecsemulator.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.bench.client.Poll;
import dev.ecsemulator.bench.process.MotoProcess;
import dev.ecsemulator.bench.process.ServerProcess;
import dev.ecsemulator.core.task.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@value #TASKS} small tasks once per server and remembers their ARNs, for the DescribeTasks and ListTasks
 * scenarios. On the emulator they are real containers (sample-web:1, 32 MiB, bridge), awaited until RUNNING and
 * removed when the emulator process is closed; moto only records them (checked against moto 5.2.1: 10 RunTask
 * calls of 10 FARGATE tasks, then ListTasks and DescribeTasks answer all 100). The emulator side is unverified
 * until RunTask exists. Not thread-safe (set-up runs on one thread).
 */
final class TaskFleet {

  static final int TASKS = 100;
  static final String CLUSTER = "bench-tasks";
  static final String FAMILY = "bench-task";
  /** RunTask's {@code count} is at most 10 (model RunTaskRequest.count). */
  private static final int PER_CALL = 10;

  private final Map<ServerProcess, List<String>> arns = new IdentityHashMap<>();

  /**
   * The ARNs of {@value #TASKS} RUNNING tasks in {@link #CLUSTER}, starting them on the first call.
   *
   * @throws dev.ecsemulator.bench.client.EcsCallFailed when the server refuses (on the emulator:
   *     UnsupportedFeatureException until RunTask exists)
   */
  List<String> on(ServerProcess server) {
    List<String> known = arns.get(server);
    if (known != null) {
      return known;
    }
    var client = server.client();
    client.ok("CreateCluster", Map.of("clusterName", CLUSTER));
    client.ok("RegisterTaskDefinition", Map.of(
        "family", FAMILY,
        "networkMode", "bridge",
        "containerDefinitions", List.of(Map.of(
            "name", "web", "image", "ecs-emulator/sample-web:1", "essential", true, "memory", 32))));
    List<String> started = new ArrayList<>();
    while (started.size() < TASKS) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("cluster", CLUSTER);
      run.put("taskDefinition", FAMILY);
      run.put("count", Math.min(PER_CALL, TASKS - started.size()));
      if (server instanceof MotoProcess) {
        // moto places EC2 tasks only on registered container instances; FARGATE tasks need none. The
        // emulator runs EC2 tasks on its own local container instance.
        run.put("launchType", "FARGATE");
      }
      JsonNode answer = client.ok("RunTask", run);
      if (answer.path("failures").size() > 0) {
        throw new IllegalStateException(server.name() + " could not run every task: " + answer.path("failures"));
      }
      answer.path("tasks").forEach(task -> started.add(task.path("taskArn").asText()));
    }
    if (!(server instanceof MotoProcess)) {
      // moto runs nothing: each DescribeTasks moves its tasks one status further (checked with moto 5.2.1: one
      // describe after RunTask already shows DEACTIVATING), so there is no RUNNING to wait for.
      Poll.until(TASKS + " tasks RUNNING on " + server.name(), Duration.ofMinutes(5), Duration.ofMillis(500),
          () -> allRunning(server, started));
    }
    List<String> result = List.copyOf(started);
    arns.put(server, result);
    return result;
  }

  private static boolean allRunning(ServerProcess server, List<String> tasks) {
    JsonNode described = server.client().ok("DescribeTasks", Map.of("cluster", CLUSTER, "tasks", tasks));
    int running = 0;
    for (JsonNode task : described.path("tasks")) {
      if (TaskStatus.RUNNING.is(task.path("lastStatus").asText())) {
        running++;
      }
    }
    return running == tasks.size();
  }
}
