package dev.ecsemulator.api.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@link StatsSource} on the Docker engine: {@code GET /containers/ID/stats?stream=false&one-shot=true} (API 1.41),
 * one reading without a second sample. Docker answers it from its stats collector, which runs once a second while
 * someone asks (so up to a second's wait), hence the containers are asked at the same time, on up to
 * {@link #PARALLEL} threads that end when idle. docker-java's stats command has no one-shot: its raw HTTP client is
 * used. Read-only; only IDs of the emulator's own tasks' containers are asked about. Thread-safe.
 */
final class DockerStats implements StatsSource {

  /** How many containers are asked at once. */
  static final int PARALLEL = 8;

  private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{12,64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DockerEngine engine;
  private final ThreadPoolExecutor threads;

  DockerStats(DockerEngine engine) {
    this.engine = engine;
    this.threads = new ThreadPoolExecutor(PARALLEL, PARALLEL, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread thread = new Thread(r, "ecs-dashboard-docker-stats");
      thread.setDaemon(true);
      return thread;
    });
    threads.allowCoreThreadTimeOut(true); // no thread while nobody watches
  }

  @Override
  public Map<String, ContainerReading> read(Collection<String> containerIds) {
    List<String> ids = List.copyOf(containerIds);
    List<CompletableFuture<Optional<ContainerReading>>> asked = new ArrayList<>(ids.size());
    for (String id : ids) {
      asked.add(CompletableFuture.supplyAsync(() -> readOne(id), threads));
    }
    Map<String, ContainerReading> readings = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      asked.get(i).join().ifPresent(reading -> readings.put(id, reading));
    }
    return readings;
  }

  private Optional<ContainerReading> readOne(String containerId) {
    if (containerId == null || !CONTAINER_ID.matcher(containerId).matches()
        || !(engine.client() instanceof DockerClientImpl client)) {
      return Optional.empty();
    }
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET)
        .path("/containers/" + containerId + "/stats?stream=false&one-shot=true")
        .build();
    try (DockerHttpClient.Response response = client.getHttpClient().execute(request);
        InputStream body = response.getBody()) {
      if (response.getStatusCode() != 200) {
        return Optional.empty();
      }
      JsonNode stats = JSON.readTree(body);
      return stats == null ? Optional.empty() : ContainerReading.parse(stats);
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty(); // the engine is away or the container went: no figure this time
    }
  }
}
