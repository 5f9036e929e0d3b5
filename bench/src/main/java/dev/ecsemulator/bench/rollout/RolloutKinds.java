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
  /** The default deployment configuration of a REPLICA service (CreateService without one). */
  static final int MIN_HEALTHY_PERCENT = 100;
  static final int MAX_PERCENT = 200;

  private RolloutKinds() {}

  /** The README's sample service container: port 8080 published on a dynamic host port, the /health probe. */
  static Map<String, Object> taskDefinition(String image) {
    return Map.of(
        "family", FAMILY,
        "networkMode", "bridge",
        "requiresCompatibilities", List.of("EC2"),
        "containerDefinitions", List.of(Map.of(
            "name", "web", "image", image, "essential", true, "memory", 32, "cpu", 128,
            "portMappings", List.of(Map.of("containerPort", 8080, "hostPort", 0, "protocol", "tcp")),
            "healthCheck", Map.of(
                "command", List.of("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1"),
                "interval", INTERVAL_S, "timeout", TIMEOUT_S, "retries", RETRIES, "startPeriod", START_PERIOD_S))));
  }

  /** A service of {@code desired} tasks with the default deployment configuration (100/200). */
  static Map<String, Object> service(String name, String taskDefinitionArn, int desired) {
    return Map.of("cluster", CLUSTER, "serviceName", name, "taskDefinition", taskDefinitionArn,
        "desiredCount", desired, "launchType", "EC2");
  }
}
