package dev.ecsemulator.scheduler.task;

import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.NetworkBinding;
import dev.ecsemulator.core.model.PortMapping;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.task.ContainerObservation;
import dev.ecsemulator.scheduler.runtime.ObservedContainer;
import dev.ecsemulator.scheduler.runtime.Sandbox;
import java.util.ArrayList;
import java.util.List;

/** Turns what Docker shows into what the task lifecycle understands. Pure. */
public final class Observations {

  /**
   * A container we created that Docker no longer knows, e.g. removed while the emulator was down. The
   * agent's own words when it restarts and cannot find a container it recorded (amazon-ecs-agent
   * {@code agent/engine/errors.go} ContainerVanishedError, set by {@code synchronizeContainerStatus} in
   * {@code docker_task_engine.go}); the task then stops as for any essential container that exited.
   */
  public static final String VANISHED = "ContainerVanishedError: No container matching saved ID found";

  private Observations() {}

  public static ContainerObservation of(String name, ObservedContainer seen, TaskDefinition definition, Sandbox sandbox) {
    ContainerObservation.State state = state(seen.state());
    return new ContainerObservation(name, seen.id(), state,
        state == ContainerObservation.State.STOPPED ? seen.exitCode() : null, seen.outOfMemory(),
        health(seen.health().status()), seen.startedAt(), seen.finishedAt(), bindings(name, seen, definition, sandbox),
        null);
  }

  /** A container's ECS status for Docker's state. */
  static ContainerObservation.State state(ObservedContainer.State docker) {
    return switch (docker) {
      case CREATED -> ContainerObservation.State.PENDING;
      case RUNNING -> ContainerObservation.State.RUNNING;
      case EXITED -> ContainerObservation.State.STOPPED;
    };
  }

  /** A container's ECS healthStatus for its Docker health check's: a check still starting is UNKNOWN, as none. */
  static String health(ObservedContainer.Health.Status docker) {
    return switch (docker) {
      case HEALTHY -> "HEALTHY";
      case UNHEALTHY -> "UNHEALTHY";
      default -> "UNKNOWN";
    };
  }

  /** A container we created that Docker no longer knows. */
  public static ContainerObservation vanished(String name, String runtimeId) {
    return new ContainerObservation(name, runtimeId, ContainerObservation.State.STOPPED, null, false, "UNKNOWN",
        null, null, List.of(), VANISHED);
  }

  /**
   * A container that never ran because the task stopped first, or failed to start with {@code reason};
   * {@code runtimeId} when it was created.
   */
  public static ContainerObservation neverStarted(String name, String runtimeId, String reason) {
    return new ContainerObservation(name, runtimeId, ContainerObservation.State.STOPPED, null, false, "UNKNOWN",
        null, null, List.of(), reason);
  }

  /** A created container, before it starts: records its runtime ID. */
  public static ContainerObservation created(String name, String runtimeId) {
    return new ContainerObservation(name, runtimeId, ContainerObservation.State.PENDING, null, false, "UNKNOWN",
        null, null, List.of(), null);
  }

  /**
   * ECS's networkBindings: bridge ports as Docker published them; awsvpc ports as published on the
   * sandbox (a difference from Fargate, where nothing is published: it lets a developer reach the task);
   * host mode binds the container port itself.
   */
  static List<NetworkBinding> bindings(String name, ObservedContainer seen, TaskDefinition definition, Sandbox sandbox) {
    String mode = definition.networkMode() == null ? "bridge" : definition.networkMode();
    ContainerDefinition cd = definition.containerDefinitions().stream()
        .filter(c -> c.name().equals(name)).findFirst().orElse(null);
    List<PortMapping> mappings = cd == null || cd.portMappings() == null ? List.of() : cd.portMappings();
    List<NetworkBinding> out = new ArrayList<>();
    switch (mode) {
      case "bridge" -> seen.ports().forEach(p -> out.add(binding(p)));
      case "awsvpc" -> {
        if (sandbox != null) {
          for (ObservedContainer.PortBinding p : sandbox.ports()) {
            if (mappings.stream().anyMatch(m -> m.containerPort() != null && m.containerPort() == p.containerPort()
                && protocol(m).equals(p.protocol()))) {
              out.add(binding(p));
            }
          }
        }
      }
      case "host" -> mappings.forEach(m -> out.add(NetworkBinding.builder()
          .bindIP("0.0.0.0").containerPort(m.containerPort()).hostPort(m.containerPort()).protocol(protocol(m)).build()));
      default -> { }
    }
    return out;
  }

  private static NetworkBinding binding(ObservedContainer.PortBinding p) {
    return NetworkBinding.builder()
        .bindIP(p.hostIp() == null || p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp())
        .containerPort(p.containerPort())
        .hostPort(p.hostPort())
        .protocol(p.protocol())
        .build();
  }

  private static String protocol(PortMapping m) {
    return m.protocol() == null ? "tcp" : m.protocol();
  }
}
