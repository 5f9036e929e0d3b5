package dev.ecsemulator.scheduler.runtime;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PushImageCmd;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real image registry on loopback: Debian's {@code docker-registry} (distribution 2.8), started on a
 * free port with its configuration and storage in a temporary directory. Docker treats 127.0.0.0/8
 * registries as insecure-allowed, so plain HTTP works. Closing stops the process and deletes the directory.
 */
final class LoopbackRegistry implements AutoCloseable {

  private final Path directory;
  private final Process process;
  final int port;

  private LoopbackRegistry(Path directory, Process process, int port) {
    this.directory = directory;
    this.process = process;
    this.port = port;
  }

  /** The registry binary, if installed ({@code bin/lib/ensure-docker.sh} installs it on Debian). */
  static Optional<Path> binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "docker-registry");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static LoopbackRegistry start(Path binary) throws IOException {
    return start(binary, null);
  }

  /**
   * With {@code htpasswd} (a {@code user:bcrypt-hash} line) the registry asks for basic auth: {@code /v2/} then
   * answers 401 without credentials (distribution accepts htpasswd without TLS on loopback).
   */
  static LoopbackRegistry start(Path binary, String htpasswd) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path directory = Files.createTempDirectory("ecs-emulator-registry-");
    Path config = directory.resolve("config.yml");
    Files.writeString(config, """
        version: 0.1
        log:
          level: error
        storage:
          filesystem:
            rootdirectory: %s
        http:
          addr: 127.0.0.1:%d
        """.formatted(directory.resolve("data"), port));
    if (htpasswd != null) {
      Files.writeString(directory.resolve("htpasswd"), htpasswd + "\n");
      Files.writeString(config, "auth:\n  htpasswd:\n    realm: ecs-emulator-test\n    path: "
          + directory.resolve("htpasswd") + "\n", java.nio.file.StandardOpenOption.APPEND);
    }
    Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("registry.log").toFile())
        .start();
    LoopbackRegistry registry = new LoopbackRegistry(directory, process, port);
    try {
      await().atMost(Duration.ofSeconds(20)).until(registry::answers);
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /**
   * Pushes the harness's sample image here as {@code REGISTRY/repository:<random tag>}, with {@code auth} (or none),
   * and removes that name locally so that its next use pulls. Returns the name (a harness tag: removed on close).
   */
  String pushSample(DockerHarness harness, String repository, AuthConfig auth) throws InterruptedException {
    String fullRepository = address() + "/" + repository;
    String tag = DockerHarness.randomHex(4);
    String pushed = harness.tag(fullRepository + ":" + tag);
    harness.docker.tagImageCmd(DockerHarness.SAMPLE, fullRepository, tag).exec();
    PushImageCmd push = harness.docker.pushImageCmd(fullRepository).withTag(tag);
    if (auth != null) {
      push = push.withAuthConfig(auth);
    }
    push.exec(new ResultCallback.Adapter<PushResponseItem>() {
      @Override
      public void onNext(PushResponseItem item) {
        if (item.isErrorIndicated()) {
          throw new IllegalStateException("push failed: " + item.getErrorDetail());
        }
      }
    }).awaitCompletion();
    harness.untag(pushed);
    return pushed;
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  boolean answers() {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + address() + "/v2/").toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(1000);
      int status = connection.getResponseCode();
      return status == 200 || status == 401; // 401: it answers, and wants credentials
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the process (the registry can be stopped before the test ends, to make pulls fail). */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: nothing else to do
    }
  }
}
