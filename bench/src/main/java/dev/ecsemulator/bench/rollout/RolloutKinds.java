package dev.ecsemulator.bench.rollout;

import java.util.List;
import java.util.Map;

/** The rollout benchmark's task definition and service: the sample app with its health check at the minimum. */
final class RolloutKinds {

  static final String CLUSTER = "bench-rollout";
  static final String FAMILY = "bench-rollout";
  static final String OLD_IMAGE = "ecs-emulator/sample-web:1";
  static final String NEW_IMAGE = "ecs-emulator/sample-web:2";
  /**
   * The smallest health check settings ECS accepts (model HealthCheck docs, checked in emulator-core's
   * ContainerRules: interval 5–300 s, timeout 2–60 s, retries 1–10, startPeriod 0–300 s).
   */
  static final int INTERVAL_S = 5;
  static final int TIMEOUT_S = 2;
  static final int RETRIES = 1;
  static final int START_PERIOD_S = 0;
  static final int CPU_UNITS = 128;
  /** The default deployment configuration of a REPLICA service (CreateService without one). */
  static final int MIN_HEALTHY_PERCENT = 100;
  static final int MAX_PERCENT = 200;

  private RolloutKinds() {}

  /** The sample service container: port 8080 published on a dynamic host port, the /health probe (samples/README). */
  static Map<String, Object> taskDefinition(String image) {
    return Map.of(
        "family", FAMILY,
        "networkMode", "bridge",
        "requiresCompatibilities", List.of("EC2"),
        "containerDefinitions", List.of(Map.of(
            "name", "web", "image", image, "essential", true, "memory", 32, "cpu", CPU_UNITS,
            "portMappings", List.of(Map.of("containerPort", 8080, "hostPort", 0, "protocol", "tcp")),
            "healthCheck", Map.of(
                "command", List.of("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1"),
                "interval", INTERVAL_S, "timeout", TIMEOUT_S, "retries", RETRIES, "startPeriod", START_PERIOD_S))));
  }

  /**
   * The emulator's instance CPU for rollouts of up to {@code largest} tasks: room for twice that many tasks (the
   * old and the new ones, as maximumPercent 200 allows) plus a spare 1,024 units. With the default (this machine's
   * 2 cores × 1,024 units) a rollout of 10 tasks of 128 units could place only 6 new tasks beside the 10 old ones,
   * and the rollout would take extra waves that the deployment configuration does not ask for.
   */
  static int instanceCpu(int largest) {
    return 2 * largest * CPU_UNITS + 1024;
  }

  /** A service of {@code desired} tasks with the default deployment configuration (100/200). */
  static Map<String, Object> service(String name, String taskDefinitionArn, int desired) {
    return Map.of("cluster", CLUSTER, "serviceName", name, "taskDefinition", taskDefinitionArn,
        "desiredCount", desired, "launchType", "EC2");
  }
}
