package dev.ecsemulator.scheduler.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a container's counters with one call, {@code GET /containers/{id}/stats?stream=false&one-shot=true}: with
 * {@code one-shot} (API 1.41) Docker answers at once instead of waiting a second for a second sample; the CPU rate is
 * worked out from two periods' samples by the caller. A missing container (404) is empty. Thread-safe.
 */
public final class DockerContainerStats implements ContainerStats {

  private final DockerEngine engine;
  private final ObjectMapper json = new ObjectMapper();

  public DockerContainerStats(DockerEngine engine) {
    this.engine = engine;
  }

  @Override
  public Optional<Sample> read(String containerId) throws IOException {
    byte[] body;
    try {
      body = engine.get("/containers/" + containerId + "/stats?stream=false&one-shot=true");
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("with HTTP 404")) {
        return Optional.empty();
      }
      throw e;
    }
    long now = System.nanoTime();
    return parse(json.readTree(body), now);
  }

  /** The sample in Docker's stats JSON; empty for a container that is not running (no counters). */
  static Optional<Sample> parse(JsonNode stats, long readNanos) {
    JsonNode cpu = stats.path("cpu_stats").path("cpu_usage").path("total_usage");
    JsonNode memory = stats.path("memory_stats");
    if (!cpu.isNumber() || !memory.path("usage").isNumber()) {
      return Optional.empty();
    }
    long usage = memory.path("usage").asLong();
    JsonNode counters = memory.path("stats");
    long cache = counters.has("cache") ? counters.path("cache").asLong() : counters.path("inactive_file").asLong(0);
    return Optional.of(new Sample(cpu.asLong(), Math.max(0, usage - cache), readNanos));
  }
}
