package dev.ecsemulator.bench.launch;

import java.util.List;
import java.util.Map;

/** The task definitions and RunTask requests of the launch benchmark: one small container, no health check. */
final class LaunchKinds {

  static final String CLUSTER = "bench-launch";
  static final String BRIDGE = "bench-launch-bridge";
  static final String AWSVPC = "bench-launch-awsvpc";
  static final String IMAGE = "ecs-emulator/sample-web:1";
  static final int MEMORY_MIB = 32;
  static final int CPU_UNITS = 128;
  static final String SUBNET = "subnet-bench";

  private LaunchKinds() {}

  /**
   * One essential container of the sample image with a 32 MiB hard limit and 128 CPU units (shares), no health check, no port mapping (a
   * published port would add Docker's port proxy to both sides alike), default stop timeout.
   */
  static Map<String, Object> taskDefinition(String family, String networkMode) {
    return Map.of(
        "family", family,
        "networkMode", networkMode,
        "requiresCompatibilities", List.of("EC2"),
        "containerDefinitions", List.of(Map.of(
            "name", "web", "image", IMAGE, "essential", true, "memory", MEMORY_MIB, "cpu", CPU_UNITS)));
  }

  static Map<String, Object> runTask(String family) {
    if (family.equals(AWSVPC)) {
      return Map.of("cluster", CLUSTER, "taskDefinition", family, "launchType", "EC2",
          "networkConfiguration", Map.of("awsvpcConfiguration", Map.of("subnets", List.of(SUBNET))));
    }
    return Map.of("cluster", CLUSTER, "taskDefinition", family, "launchType", "EC2");
  }
}
