package dev.ecsemulator.scheduler.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Docker says about one container that the metadata answers need beyond the task record (from
 * {@code docker inspect}).
 *
 * @param dockerId the full container ID
 * @param dockerName the name, without Docker's leading slash
 * @param imageId {@code sha256:...}
 * @param createdAt when Docker created it
 * @param startedAt when it last started, or null
 * @param finishedAt when it last exited, or null
 * @param labels all its labels
 * @param networks its Docker networks, by name, in name order ({@code host} and {@code none} included,
 *     with an empty address, as Docker reports them)
 * @param mounts its mounts
 * @param health the last health probe's result, or null when it has no health check or no probe ran yet
 */
public record ContainerFacts(
    String dockerId,
    String dockerName,
    String imageId,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Map<String, String> labels,
    List<NetworkFacts> networks,
    List<MountFacts> mounts,
    HealthFacts health) {

  public ContainerFacts {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    networks = networks == null ? List.of() : List.copyOf(networks);
    mounts = mounts == null ? List.of() : List.copyOf(mounts);
  }

  /**
   * One Docker network of a container.
   *
   * @param ipv4Address its address there ({@code ""} in host and none modes)
   * @param ipv6Address its global IPv6 address, or {@code ""}
   * @param gateway the network's IPv4 gateway, or {@code ""}
   * @param prefixLength the IPv4 prefix length, or 0
   */
  public record NetworkFacts(String name, String ipv4Address, String ipv6Address, String gateway, int prefixLength) {}

  /**
   * Docker's health check log, reduced to what the agent reports.
   *
   * @param since when the probes' verdict last changed, as far as Docker's log of recent probes tells (the end
   *     of the oldest probe of the last run of passes or failures), or null
   * @param exitCode the last probe's exit code
   * @param output the last probe's output
   */
  public record HealthFacts(Instant since, int exitCode, String output) {}

  /** One mount: a named volume has a name, a bind mount does not ({@code ""}). */
  public record MountFacts(String name, String source, String destination) {}
}
