package dev.ecsemulator.bench.api;

import static dev.ecsemulator.bench.client.RawEcsClient.json;

import dev.ecsemulator.bench.client.EcsRequest;
import dev.ecsemulator.bench.client.RawEcsClient;
import java.util.List;
import java.util.Map;

/**
 * The API benchmark's requests. Each scenario seeds its own resources (names starting with {@code bench}), so
 * they run in any order on one server. DescribeTaskDefinition reads a family by name in an account that also holds
 * {@value #OTHER_REVISIONS} revisions of another family, so a lookup that scans the account shows up as a collapse
 * of its figures (one did: 17 requests/s after 100,000 registrations). RegisterTaskDefinition runs after the
 * others: it grows the server's state by a revision per request, and a heap of a million revisions (and, on a
 * durable emulator, the snapshots of it that compaction writes in the background) would make every later figure
 * pay for the garbage collector's and the compactor's work on it. (Until 2026-11-26 it ran second by mistake, so
 * every scenario after it was measured on that state.)
 *
 * <p>To add a scenario: add an {@link ApiScenario} to {@link #all()} with its seeding, request body and
 * expectation. A scenario whose seeding the emulator refuses with UnsupportedFeatureException is reported as not
 * yet available, with no code change when the operation lands.
 */
public final class ApiScenarios {

  /**
   * RegisterTaskDefinition on an emulator started with {@code --ephemeral}: the same request without the durable
   * store's sync to disk, so that the durable figure can be read against it and against the disk's sync rate.
   */
  static final String REGISTER_EPHEMERAL = "RegisterTaskDefinition (--ephemeral)";

  /** Revisions of another family in the account when DescribeTaskDefinition is measured. */
  static final int OTHER_REVISIONS = 2_000;

  private ApiScenarios() {}

  /** A realistic one-container task definition: port mapping, environment, health check, task size. */
  static Map<String, Object> taskDefinition(String family) {
    return Map.of(
        "family", family,
        "networkMode", "bridge",
        "requiresCompatibilities", List.of("EC2"),
        "cpu", "256",
        "memory", "128",
        "containerDefinitions", List.of(Map.of(
            "name", "web",
            "image", "ecs-emulator/sample-web:1",
            "essential", true,
            "memoryReservation", 64,
            "portMappings", List.of(Map.of("containerPort", 8080, "hostPort", 0, "protocol", "tcp")),
            "environment", List.of(Map.of("name", "APP_ENV", "value", "bench"),
                Map.of("name", "LOG_LEVEL", "value", "info")),
            "healthCheck", Map.of(
                "command", List.of("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1"),
                "interval", 5, "timeout", 2, "retries", 3, "startPeriod", 0))));
  }

  public static List<ApiScenario> all() {
    TaskFleet fleet = new TaskFleet();
    // Last: see the class comment.
    ApiScenario register = new ApiScenario("RegisterTaskDefinition", "RegisterTaskDefinition",
        server -> json(taskDefinition("bench-register")),
        body -> body.path("taskDefinition").path("revision").asInt() >= 1,
        "a registered revision");
    return List.of(
        new ApiScenario("DescribeTaskDefinition (2,000 other revisions)",
            "DescribeTaskDefinition",
            server -> {
              String other = RawEcsClient.json(taskDefinition("bench-other"));
              for (int i = 0; i < OTHER_REVISIONS; i++) {
                server.client().ok("RegisterTaskDefinition", other);
              }
              server.client().ok("RegisterTaskDefinition", taskDefinition("bench-describe"));
              return json(Map.of("taskDefinition", "bench-describe"));
            },
            body -> body.path("taskDefinition").path("family").asText().equals("bench-describe"),
            "the task definition"),
        new ApiScenario("DescribeClusters", "DescribeClusters",
            server -> {
              server.client().ok("CreateCluster", Map.of("clusterName", "bench"));
              return json(Map.of("clusters", List.of("bench")));
            },
            body -> body.path("clusters").size() == 1, "one cluster"),
        new ApiScenario("ListClusters (10 clusters)", "ListClusters",
            server -> {
              for (int i = 0; i < 10; i++) {
                server.client().ok("CreateCluster", Map.of("clusterName", "bench-list-" + i));
              }
              return "{}";
            },
            body -> body.path("clusterArns").size() >= 10, "at least 10 cluster ARNs"),
        new ApiScenario("DescribeTasks (100 tasks)", "DescribeTasks",
            server -> json(Map.of("cluster", TaskFleet.CLUSTER, "tasks", fleet.on(server))),
            body -> body.path("tasks").size() == TaskFleet.TASKS, TaskFleet.TASKS + " tasks"),
        new ApiScenario("ListTasks (100 tasks)", "ListTasks",
            server -> {
              fleet.on(server);
              return json(Map.of("cluster", TaskFleet.CLUSTER));
            },
            body -> body.path("taskArns").size() == TaskFleet.TASKS, TaskFleet.TASKS + " task ARNs"),
        new ApiScenario("GetSecretValue", EcsRequest.Api.SECRETS_MANAGER, "GetSecretValue",
            server -> {
              server.client().ok(EcsRequest.Api.SECRETS_MANAGER, "CreateSecret", Map.of("Name", "bench/db-password",
                  "SecretString", "{\"username\":\"app\",\"password\":\"correct-horse-battery-staple\"}"));
              return json(Map.of("SecretId", "bench/db-password"));
            },
            body -> body.path("SecretString").asText().contains("correct-horse"), "the secret's value"),
        register,
        register.onEmulatorWith(REGISTER_EPHEMERAL, List.of("--ephemeral")));
  }
}
