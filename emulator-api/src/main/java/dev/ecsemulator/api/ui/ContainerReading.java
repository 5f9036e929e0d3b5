package dev.ecsemulator.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One reading of a container's counters, from Docker's stats ({@code GET /containers/ID/stats}).
 *
 * @param cpuTotalNanos CPU time the container has used since it started ({@code cpu_stats.cpu_usage.total_usage})
 * @param systemNanos CPU time the whole host has used ({@code cpu_stats.system_cpu_usage}), the denominator Docker's
 *     own {@code docker stats} uses
 * @param onlineCpus the host's CPUs ({@code cpu_stats.online_cpus})
 * @param memoryBytes memory in use without the inactive page cache, as {@code docker stats} counts it
 * @param memoryLimitBytes the container's memory limit (the host's memory when it has none)
 */
record ContainerReading(long cpuTotalNanos, long systemNanos, int onlineCpus, long memoryBytes, long memoryLimitBytes) {

  /** A reading from Docker's stats JSON; empty when it lacks the counters (a container that is not running). */
  static Optional<ContainerReading> parse(JsonNode stats) {
    if (stats.path("read").asText("").startsWith("0001-")) {
      return Optional.empty(); // Docker's zero time: the container does not run, its counters are all 0
    }
    JsonNode cpu = stats.path("cpu_stats");
    JsonNode memory = stats.path("memory_stats");
    if (!cpu.path("cpu_usage").path("total_usage").canConvertToLong() || !memory.path("usage").canConvertToLong()) {
      return Optional.empty();
    }
    int online = cpu.path("online_cpus").asInt(0);
    if (online <= 0) {
      online = Math.max(1, cpu.path("cpu_usage").path("percpu_usage").size());
    }
    long usage = memory.path("usage").asLong();
    // What `docker stats` subtracts: inactive file cache (cgroup v1 reports it as total_inactive_file).
    JsonNode details = memory.path("stats");
    long inactive = details.has("total_inactive_file") ? details.path("total_inactive_file").asLong()
        : details.path("inactive_file").asLong(0);
    long used = inactive < usage ? usage - inactive : usage;
    return Optional.of(new ContainerReading(cpu.path("cpu_usage").path("total_usage").asLong(),
        cpu.path("system_cpu_usage").asLong(0), online, used, memory.path("limit").asLong(0)));
  }

  /**
   * CPU used between {@code earlier} and this reading, in percent of one CPU (so 2 busy CPUs are 200 %), as
   * {@code docker stats} computes it; null when the counters did not move forward.
   */
  Double cpuPercentSince(ContainerReading earlier) {
    long cpuDelta = cpuTotalNanos - earlier.cpuTotalNanos;
    long systemDelta = systemNanos - earlier.systemNanos;
    if (systemDelta <= 0 || cpuDelta < 0) {
      return null;
    }
    return (double) cpuDelta / systemDelta * onlineCpus * 100.0;
  }
}
