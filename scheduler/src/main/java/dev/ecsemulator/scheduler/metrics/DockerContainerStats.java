package dev.ecsemulator.scheduler.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
  private static final JsonFactory JSON = new JsonFactory();
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
    return parse(body, System.nanoTime());
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

  /**
   * The sample in Docker's stats JSON; empty for a container that is not running (no counters). A streaming read of
   * the four numbers it needs ({@code cpu_stats.cpu_usage.total_usage}, {@code memory_stats.usage} and
   * {@code memory_stats.stats.cache} or {@code .inactive_file}), every other member skipped unread: with 200 running
   * tasks this runs 200 times a period, and building each answer's tree (per-CPU, network, block I/O and the whole
   * memory statistics) was most of the metrics tick's CPU (docs/benchmarks.md, "Scale").
   *
   * @throws IOException when the body is not JSON
   */
  static Optional<Sample> parse(byte[] body, long readNanos) throws IOException {
    Long cpu = null;
    Long usage = null;
    Long cache = null;
    Long inactiveFile = null;
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          continue; // a scalar: nothing to skip
        }
        if ("cpu_stats".equals(name)) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() == JsonToken.START_OBJECT && "cpu_usage".equals(field)) {
              cpu = number(parser, "total_usage");
            } else {
              parser.skipChildren();
            }
          }
        } else if ("memory_stats".equals(name)) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if ("usage".equals(field)) {
              usage = token.isNumeric() ? parser.getValueAsLong() : null;
              parser.skipChildren();
            } else if ("stats".equals(field) && token == JsonToken.START_OBJECT) {
              while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String counter = parser.currentName();
                parser.nextToken();
                if ("cache".equals(counter)) {
                  cache = parser.getValueAsLong(0); // present counts, whatever its value (as JsonNode.asLong)
                } else if ("inactive_file".equals(counter)) {
                  inactiveFile = parser.getValueAsLong(0);
                }
                parser.skipChildren();
              }
            } else {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    if (cpu == null || usage == null) {
      return Optional.empty();
    }
    long excluded = cache != null ? cache : inactiveFile != null ? inactiveFile : 0;
    return Optional.of(new Sample(cpu, Math.max(0, usage - excluded), readNanos));
  }

  /** The numeric member {@code name} of the object the parser is at the start of, or null; reads to its end. */
  private static Long number(JsonParser parser, String name) throws IOException {
    Long found = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean wanted = name.equals(parser.currentName());
      JsonToken token = parser.nextToken();
      if (wanted) {
        found = token.isNumeric() ? parser.getValueAsLong() : null;
      }
      parser.skipChildren();
    }
    return found;
  }
}
