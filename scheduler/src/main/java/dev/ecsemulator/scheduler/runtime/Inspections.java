package dev.ecsemulator.scheduler.runtime;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.Health;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.PortBinding;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.State;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker inspect} output → {@link ObservedContainer}. Pure. */
final class Inspections {

  /** The agent keeps at most this much of a health probe's output. */
  static final int MAX_HEALTH_OUTPUT = 1024;

  private Inspections() {}

  static ObservedContainer observe(InspectContainerResponse inspect) {
    InspectContainerResponse.ContainerState dockerState = inspect.getState();
    State state = state(dockerState);
    Long exit = dockerState == null ? null : dockerState.getExitCodeLong();
    String error = dockerState == null ? null : blankToNull(dockerState.getError());
    return new ObservedContainer(
        inspect.getId(),
        inspect.getName() == null ? null : inspect.getName().replaceFirst("^/", ""),
        inspect.getImageId(),
        state,
        state == State.EXITED && exit != null ? exit.intValue() : null,
        dockerState != null && Boolean.TRUE.equals(dockerState.getOOMKilled()),
        error,
        health(dockerState == null ? null : dockerState.getHealth()),
        dockerState == null ? null : time(dockerState.getStartedAt()),
        dockerState == null ? null : time(dockerState.getFinishedAt()),
        ipAddress(inspect.getNetworkSettings()),
        ports(inspect.getNetworkSettings()),
        inspect.getConfig() == null ? Map.of() : inspect.getConfig().getLabels());
  }

  static State state(InspectContainerResponse.ContainerState state) {
    return State.ofDocker(state == null ? null : state.getStatus());
  }

  static Health health(HealthState health) {
    if (health == null || health.getStatus() == null) {
      return Health.NONE;
    }
    Health.Status status = switch (health.getStatus()) {
      case "healthy" -> Health.Status.HEALTHY;
      case "unhealthy" -> Health.Status.UNHEALTHY;
      case "starting" -> Health.Status.STARTING;
      default -> Health.Status.NONE;
    };
    List<HealthStateLog> log = health.getLog();
    if (log == null || log.isEmpty()) {
      return new Health(status, null, null);
    }
    HealthStateLog last = log.get(log.size() - 1);
    String output = last.getOutput();
    if (output != null && output.length() > MAX_HEALTH_OUTPUT) {
      output = output.substring(0, MAX_HEALTH_OUTPUT);
    }
    Long code = last.getExitCodeLong();
    return new Health(status, output, code == null ? null : code.intValue());
  }

  /** Docker's RFC 3339 time; its zero time ({@code 0001-01-01T00:00:00Z}) means never. */
  static Instant time(String text) {
    if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String ipAddress(NetworkSettings settings) {
    if (settings == null) {
      return null;
    }
    // The default bridge, where containers of bridge tasks and awsvpc sandboxes live.
    ContainerNetwork bridge = settings.getNetworks() == null ? null : settings.getNetworks().get("bridge");
    return bridge == null ? null : blankToNull(bridge.getIpAddress());
  }

  private static List<PortBinding> ports(NetworkSettings settings) {
    List<PortBinding> bindings = new ArrayList<>();
    if (settings == null || settings.getPorts() == null) {
      return bindings;
    }
    for (Map.Entry<ExposedPort, Ports.Binding[]> entry : settings.getPorts().getBindings().entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      for (Ports.Binding binding : entry.getValue()) {
        String hostPort = binding.getHostPortSpec();
        if (hostPort == null || hostPort.isBlank()) {
          continue;
        }
        bindings.add(new PortBinding(entry.getKey().getPort(), entry.getKey().getProtocol().toString(),
            binding.getHostIp(), Integer.parseInt(hostPort)));
      }
    }
    bindings.sort(java.util.Comparator.comparingInt(PortBinding::containerPort)
        .thenComparing(PortBinding::protocol).thenComparing(b -> String.valueOf(b.hostIp())));
    return bindings;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
