package dev.ecsemulator.scheduler.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a container's counters with one call, {@code GET /containers/{id}/stats?stream=false&one-shot=true}: with
 * {@code one-shot} (API 1.41) Docker sends one sample instead of waiting for a second one to fill
 * {@code precpu_stats}; the CPU rate is worked out from two periods' samples by the caller. Docker still answers at
 * the next tick of its stats collector (once a second), so calls made together end together: the collector makes them
 * in parallel, on a connection pool of {@value #CONNECTIONS} of this class's own (apart from the engine's, which tasks
 * and the metadata endpoint use), made by the first read: the emulator builds this class while it starts, and a
 * Docker client is hundreds of classes that the first served request need not wait for. A missing container (404) is
 * empty. Thread-safe.
 */
public final class DockerContainerStats implements ContainerStats {

  /** Calls in flight at most, and so connections: 200 containers take about four of Docker's collector ticks. */
  public static final int CONNECTIONS = 64;

  private final DockerEngine engine;
  private final ObjectMapper json = new ObjectMapper();
  private DockerHttpClient http; // guarded by this: made by the first read
  private boolean closed; // guarded by this

  public DockerContainerStats(DockerEngine engine) {
    this.engine = engine;
  }

  private synchronized DockerHttpClient http() throws IOException {
    if (closed) {
      throw new IOException("the stats client is closed");
    }
    if (http == null) {
      http = engine.newClient(Duration.ofSeconds(30), CONNECTIONS);
    }
    return http;
  }

  @Override
  public int parallelism() {
    return CONNECTIONS;
  }

  @Override
  public Optional<Sample> read(String containerId) throws IOException {
    DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
        .path("/containers/" + containerId + "/stats?stream=false&one-shot=true").build();
    byte[] body;
    try (DockerHttpClient.Response response = http().execute(request)) {
      body = response.getBody().readAllBytes();
      if (response.getStatusCode() == 404) {
        return Optional.empty();
      }
      if (response.getStatusCode() != 200) {
        throw new IOException("the engine answered stats of " + containerId + " with HTTP "
            + response.getStatusCode());
      }
    } catch (RuntimeException e) {
      throw new IOException("the engine did not answer stats of " + containerId + ": " + e.getMessage(), e);
    }
    return parse(json.readTree(body), System.nanoTime());
  }

  @Override
  public void close() throws IOException {
    DockerHttpClient open;
    synchronized (this) {
      closed = true;
      open = http;
      http = null;
    }
    if (open != null) {
      open.close();
    }
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
