package dev.ecsemulator.scheduler.metadata;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.Labels;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads {@link ContainerFacts} and raw stats of this emulator instance's containers from Docker. A container
 * without this instance's labels is treated as absent, so the metadata endpoint never describes anything
 * else on the engine. Thread-safe.
 */
public final class DockerFacts {

  private final DockerEngine engine;
  private final Map<String, String> ownLabels;

  public DockerFacts(DockerEngine engine, EmulatorInstance instance) {
    this.engine = engine;
    this.ownLabels = Labels.ownedBy(instance);
  }

  /**
   * The container's facts; empty when it is gone or not ours.
   *
   * @throws RuntimeException (docker-java's) when the engine does not answer
   */
  public Optional<ContainerFacts> inspect(String containerId) {
    DockerClient client = engine.client();
    InspectContainerResponse inspect;
    try {
      inspect = client.inspectContainerCmd(containerId).exec();
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
    Map<String, String> labels = inspect.getConfig() == null ? Map.of() : inspect.getConfig().getLabels();
    if (!ours(labels)) {
      return Optional.empty();
    }
    InspectContainerResponse.ContainerState state = inspect.getState();
    return Optional.of(new ContainerFacts(
        inspect.getId(),
        inspect.getName() == null ? "" : inspect.getName().replaceFirst("^/", ""),
        inspect.getImageId() == null ? "" : inspect.getImageId(),
        time(inspect.getCreated()),
        state == null ? null : time(state.getStartedAt()),
        state == null ? null : time(state.getFinishedAt()),
        labels,
        networks(inspect),
        mounts(inspect),
        state == null || state.getHealth() == null ? null : health(state.getHealth().getLog())));
  }

  /**
   * Docker's stats of the container, one sample ({@code GET /containers/{id}/stats?stream=false}), as the
   * bytes Docker sent: docker-java's typed {@code Statistics} would drop members the agent passes through
   * ({@code name}, {@code id}, {@code storage_stats}, most of {@code memory_stats.stats}). Docker takes about a
   * second to answer: it waits for a second sample to fill {@code precpu_stats}. Only for a container this
   * instance owns (check with {@link #inspect} first).
   *
   * @throws IOException when Docker does not answer or answers with an error
   */
  public byte[] stats(String containerId) throws IOException {
    return engine.get("/containers/" + containerId + "/stats?stream=false");
  }

  private boolean ours(Map<String, String> labels) {
    if (labels == null) {
      return false;
    }
    return ownLabels.entrySet().stream().allMatch(own -> own.getValue().equals(labels.get(own.getKey())));
  }

  private static List<ContainerFacts.NetworkFacts> networks(InspectContainerResponse inspect) {
    List<ContainerFacts.NetworkFacts> networks = new ArrayList<>();
    if (inspect.getNetworkSettings() == null || inspect.getNetworkSettings().getNetworks() == null) {
      return networks;
    }
    Map<String, ContainerNetwork> byName = new TreeMap<>(inspect.getNetworkSettings().getNetworks());
    byName.forEach((name, network) -> networks.add(new ContainerFacts.NetworkFacts(name,
        nonNull(network.getIpAddress()), nonNull(network.getGlobalIPv6Address()), nonNull(network.getGateway()),
        network.getIpPrefixLen() == null ? 0 : network.getIpPrefixLen())));
    return networks;
  }

  private static List<ContainerFacts.MountFacts> mounts(InspectContainerResponse inspect) {
    List<ContainerFacts.MountFacts> mounts = new ArrayList<>();
    if (inspect.getMounts() == null) {
      return mounts;
    }
    for (InspectContainerResponse.Mount mount : inspect.getMounts()) {
      mounts.add(new ContainerFacts.MountFacts(nonNull(mount.getName()), nonNull(mount.getSource()),
          mount.getDestination() == null ? "" : mount.getDestination().getPath()));
    }
    return mounts;
  }

  /** The last probe's result, and since when the probes agree with it (see {@link ContainerFacts.HealthFacts}). */
  static ContainerFacts.HealthFacts health(List<HealthStateLog> log) {
    if (log == null || log.isEmpty()) {
      return null;
    }
    int i = log.size() - 1;
    HealthStateLog last = log.get(i);
    boolean passed = passed(last);
    while (i > 0 && passed(log.get(i - 1)) == passed) {
      i--;
    }
    Long code = last.getExitCodeLong();
    return new ContainerFacts.HealthFacts(time(log.get(i).getEnd()), code == null ? 0 : code.intValue(),
        nonNull(last.getOutput()));
  }

  private static boolean passed(HealthStateLog probe) {
    Long code = probe.getExitCodeLong();
    return code != null && code == 0;
  }

  /** Docker's RFC 3339 time; its zero time ({@code 0001-01-01T00:00:00Z}) means never. */
  private static Instant time(String text) {
    if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant(); // Docker writes the daemon's zone, usually Z
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
