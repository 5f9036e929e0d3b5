package dev.ecsemulator.scheduler.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.Labels;
import dev.ecsemulator.scheduler.docker.ManagedResources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A runtime on the real engine under a fresh emulator instance of its own, and the cleanup that removes
 * everything that instance made: containers, volumes, the sandbox image (tests use their own repository
 * for it) and any image tags a test registered. Safe to close twice.
 */
final class DockerHarness implements AutoCloseable {

  static final String SAMPLE = "ecs-emulator/sample-web:1";
  /**
   * How long a test waits for Docker to do something (start, die, answer): generous, as a loaded 2-core CI machine
   * takes seconds for what takes milliseconds here; a wait that succeeds returns as soon as it does.
   */
  static final Duration LONG = Duration.ofSeconds(60);

  final EmulatorInstance instance =
      EmulatorInstance.forDataDir(Path.of("/tmp/ecs-emulator-runtime-test-" + randomHex(6)));
  final DockerEngine engine = new DockerEngine(DockerEngine.resolveHost(null));
  final DockerClient docker = engine.client();
  final String pauseRepository = "ecs-emulator-test/pause-" + randomHex(4);
  final DockerContainerRuntime runtime = new DockerContainerRuntime(engine, instance, pauseRepository);
  final ContainerSpecFactory factory = new ContainerSpecFactory();
  private final List<String> imageTags = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** A launch context for a new task of this instance. */
  LaunchContext context(String launchType) {
    String taskId = randomHex(16);
    return new LaunchContext(new Scope("123456789012", "us-east-1"), "runtime-test",
        "arn:aws:ecs:us-east-1:123456789012:task/runtime-test/" + taskId, taskId, launchType, "127.0.0.1",
        Labels.ownedBy(instance), null, runtime.host().taskCgroups(), null);
  }

  /** Registers an image tag the test creates, to be removed on close. */
  String tag(String tag) {
    imageTags.add(tag);
    return tag;
  }

  /** Removes an image name if present (an image with another name keeps it, so only the name goes). */
  void untag(String name) {
    try {
      docker.removeImageCmd(name).exec();
    } catch (NotFoundException gone) {
      // not there
    }
  }

  /** The raw {@code docker inspect}, as a test reads it. */
  InspectContainerResponse inspect(String id) {
    return docker.inspectContainerCmd(id).exec();
  }

  /** GET on the host; empty when nothing answers. */
  Optional<HttpResponse<String>> get(String url) {
    try {
      return Optional.of(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
          HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The host port Docker bound for {@code containerPort}/tcp of a running container. */
  int hostPort(String containerId, int containerPort) {
    return runtime.inspect(containerId).orElseThrow().ports().stream()
        .filter(p -> p.containerPort() == containerPort && p.protocol().equals("tcp"))
        .findFirst().orElseThrow().hostPort();
  }

  /** Runs a command in a running container and returns its standard output. */
  String exec(String containerId, String... command) {
    String execId = docker.execCreateCmd(containerId).withCmd(command).withAttachStdout(true).withAttachStderr(true)
        .exec().getId();
    StringBuilder out = new StringBuilder();
    try {
      docker.execStartCmd(execId).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<
          com.github.dockerjava.api.model.Frame>() {
        @Override
        public void onNext(com.github.dockerjava.api.model.Frame frame) {
          if (frame.getStreamType() == com.github.dockerjava.api.model.StreamType.STDOUT) {
            out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      }).awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out.toString();
  }

  /** Removes this instance's containers, networks and volumes; leaves images for {@link #close}. */
  void removeContainersAndVolumes() {
    new ManagedResources(engine, instance).removeAll();
  }

  @Override
  public void close() {
    runtime.close();
    removeContainersAndVolumes();
    List<String> tags = new ArrayList<>(imageTags);
    // Only tags of this harness's own pause repository: an unfiltered listing must never remove others.
    for (Image image : docker.listImagesCmd().exec()) {
      for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
        if (tag.startsWith(pauseRepository + ":")) {
          tags.add(tag);
        }
      }
    }
    for (String tag : tags) {
      try {
        docker.removeImageCmd(tag).withForce(false).exec();
      } catch (NotFoundException gone) {
        // never created, or removed already
      }
    }
    imageTags.clear();
    engine.close();
  }
}
