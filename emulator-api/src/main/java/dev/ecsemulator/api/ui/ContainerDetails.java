package dev.ecsemulator.api.ui;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.Labels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Docker knows of one of the emulator's containers beyond what ECS shows: the health check's recent probes
 * with their output (Docker keeps the last five), whether the OOM killer ended it, Docker's error. Asked only when
 * someone opens a task in the dashboard. A container that does not carry this emulator instance's labels is
 * treated as absent. Thread-safe.
 */
final class ContainerDetails {

  private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{12,64}");

  /**
   * One container as Docker sees it.
   *
   * @param status Docker's state ({@code running}, {@code exited}, ...)
   * @param exitCode the exit code once exited
   * @param oomKilled whether the kernel's OOM killer ended it
   * @param error Docker's error, or null
   * @param startedAt Docker's start time (RFC 3339), or null
   * @param finishedAt Docker's exit time (RFC 3339), or null
   * @param health the health check's state, or null when the container has none
   */
  record Details(String status, Integer exitCode, Boolean oomKilled, String error, String startedAt, String finishedAt,
      Health health) {}

  /** A Docker health check's state: {@code starting}, {@code healthy} or {@code unhealthy}, and its last probes. */
  record Health(String status, Integer failingStreak, List<Probe> log) {}

  /** One probe of a health check: when it ran, its exit code and what it printed (Docker keeps up to 4 KiB). */
  record Probe(String start, String end, Integer exitCode, String output) {}

  private final DockerEngine engine;
  private final Map<String, String> ownLabels;

  ContainerDetails(DockerEngine engine, EmulatorInstance instance) {
    this.engine = engine;
    this.ownLabels = Labels.ownedBy(instance);
  }

  /**
   * The container's details; empty when the ID is malformed, the container is gone or is not this emulator's.
   *
   * @throws RuntimeException docker-java's, when the engine does not answer
   */
  Optional<Details> inspect(String containerId) {
    if (containerId == null || !CONTAINER_ID.matcher(containerId).matches()) {
      return Optional.empty();
    }
    InspectContainerResponse found;
    try {
      found = engine.client().inspectContainerCmd(containerId).exec();
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
    Map<String, String> labels = found.getConfig() == null ? null : found.getConfig().getLabels();
    if (labels == null || !labels.entrySet().containsAll(ownLabels.entrySet())) {
      return Optional.empty();
    }
    InspectContainerResponse.ContainerState state = found.getState();
    return Optional.of(new Details(state.getStatus(), state.getExitCode(), state.getOOMKilled(), blankToNull(state.getError()),
        state.getStartedAt(), state.getFinishedAt(), health(state.getHealth())));
  }

  private static Health health(HealthState health) {
    if (health == null) {
      return null;
    }
    List<HealthStateLog> log = health.getLog() == null ? List.of() : health.getLog();
    return new Health(health.getStatus(), health.getFailingStreak(), log.stream()
        .map(p -> new Probe(p.getStart(), p.getEnd(), p.getExitCode(), p.getOutput())).toList());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
