package dev.ecsemulator.bench.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The harness's own Docker client: the raw create+start baseline of the launch benchmark, and inspecting what the
 * emulator created (limits to copy, health-check logs). Built exactly as the emulator builds its client
 * ({@code scheduler/.../docker/DockerEngine}: docker-java over Apache HttpClient 5, unversioned requests, up to 64
 * connections), so the baseline pays the same client costs the emulator pays.
 *
 * <p>Every container it creates carries {@code ecs-emulator.managed=true} and an {@code ecs-emulator.instance} label
 * of its own ({@code bench-<random>}), so no emulator ever adopts or removes them, and {@link #close} removes
 * exactly those, pass or fail. Thread-safe.
 */
public final class BenchDocker implements AutoCloseable {

  public static final String MANAGED = "ecs-emulator.managed";
  public static final String INSTANCE = "ecs-emulator.instance";

  private final DockerClient client;
  private final String instanceId;

  private BenchDocker(DockerClient client, String instanceId) {
    this.client = client;
    this.instanceId = instanceId;
  }

  /** Connects to {@code DOCKER_HOST}, else the local socket; contacts the engine only on the first call. */
  public static BenchDocker connect() {
    String env = System.getenv("DOCKER_HOST");
    String host = env != null && !env.isBlank() ? env : "unix:///var/run/docker.sock";
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host)
        .withDockerTlsVerify(false).build();
    var http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host)).maxConnections(64)
        .connectionTimeout(Duration.ofSeconds(3)).responseTimeout(Duration.ofMinutes(5)).build();
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    return new BenchDocker(DockerClientImpl.getInstance(config, http), "bench-" + HexFormat.of().formatHex(random));
  }

  /** The labels that mark a container as the harness's own (never an emulator's). */
  public Map<String, String> ownLabels() {
    return Map.of(MANAGED, "true", INSTANCE, instanceId);
  }

  public InspectContainerResponse inspect(String containerId) {
    return client.inspectContainerCmd(containerId).exec();
  }

  /** The containers (running or not) carrying all of {@code labels}. */
  public List<Container> list(Map<String, String> labels) {
    return client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
  }

  /** The first local image whose repository is {@code repository}, as {@code repository:tag}. */
  public Optional<String> imageOf(String repository) {
    return client.listImagesCmd().withImageNameFilter(repository).exec().stream()
        .flatMap(i -> i.getRepoTags() == null ? java.util.stream.Stream.empty()
            : java.util.Arrays.stream(i.getRepoTags()))
        .filter(t -> t.startsWith(repository + ":"))
        .findFirst();
  }

  /**
   * Creates and starts a container from {@code template} under {@code name} (labelled as the harness's own), then
   * inspects it as a launcher must to learn that it runs (and its address), and returns its ID and how long the
   * three calls took, from before the create to the inspection's answer.
   *
   * @throws IllegalStateException when the inspection does not show it running
   */
  public Started createAndStart(ContainerTemplate template, String name) {
    long begin = System.nanoTime();
    String id = createAndStartOnly(template, name).id();
    if (!Boolean.TRUE.equals(client.inspectContainerCmd(id).exec().getState().getRunning())) {
      throw new IllegalStateException("container " + name + " does not run after its start");
    }
    return new Started(id, Duration.ofNanos(System.nanoTime() - begin));
  }

  /**
   * Creates and starts a container from {@code template} under {@code name} (labelled as the harness's own) and
   * nothing else: a plain {@code docker create} + {@code docker start} from a Docker SDK client, as a user without
   * the emulator would run it. Returns its ID and how long the two calls took, from before the create to the start's
   * answer (Docker answers a start once the container's process runs).
   */
  public Started createAndStartOnly(ContainerTemplate template, String name) {
    long begin = System.nanoTime();
    String id = template.createCommand(client, name, ownLabels()).exec().getId();
    client.startContainerCmd(id).exec();
    return new Started(id, Duration.ofNanos(System.nanoTime() - begin));
  }

  /** A started container and the time its create and start calls (and inspection, if any) took together. */
  public record Started(String id, Duration took) {}

  /**
   * Stops a container as the emulator stops a task's container ({@code docker stop} with the container's stop
   * timeout: SIGTERM, then SIGKILL after that many seconds) and returns how long the call took.
   */
  public Duration stop(String containerId, int timeoutSeconds) {
    long begin = System.nanoTime();
    client.stopContainerCmd(containerId).withTimeout(timeoutSeconds).exec();
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  /** Removes a container of the harness's own (forced); gone already is fine. */
  public void remove(String containerId) {
    try {
      client.removeContainerCmd(containerId).withForce(true).exec();
    } catch (NotFoundException gone) {
      // removed already
    }
  }

  /** Removes every container of the harness's own; returns how many. */
  public int removeOwn() {
    List<Container> own = list(ownLabels());
    for (Container c : own) {
      remove(c.getId());
    }
    return own.size();
  }

  @Override
  public void close() {
    try {
      removeOwn();
    } catch (RuntimeException e) {
      System.err.println("bench: could not remove the harness's own containers (label " + INSTANCE + "="
          + instanceId + "): " + e.getMessage());
    }
    try {
      client.close();
    } catch (IOException e) {
      // closing a connection pool: nothing left to do
    }
  }
}
