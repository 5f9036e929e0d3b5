package dev.ecsemulator.api.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The packaged jar ({@code ecs.emulator.jar}, set by failsafe) as its own process, the way users run it,
 * on a given data directory and a free port. Its stdout and stderr go to a file (a pipe nobody reads
 * would block it once full). {@link #close} kills it with SIGKILL if it still runs and prints the end of
 * its output, so a failing test shows what the emulator said.
 */
public final class EmulatorProcess implements AutoCloseable {

  public static final Path JAR = Path.of(System.getProperty("ecs.emulator.jar", "target/ecs-emulator.jar"));

  private final Process process;
  private final Path output;
  private final int port;
  private final List<EcsClient> clients = new ArrayList<>();

  private EmulatorProcess(Process process, Path output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /** Starts the jar with {@code --port P --data-dir DIR} and {@code args}; returns once it printed its ready line. */
  public static EmulatorProcess start(Path dataDir, Map<String, String> env, String... args) {
    try {
      int port = freePort();
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
          "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
      command.addAll(List.of(args));
      Path output = Files.createTempFile("ecs-emulator-process", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output.toFile());
      builder.environment().putAll(env);
      EmulatorProcess started = new EmulatorProcess(builder.start(), output, port);
      try {
        await("the ready line of " + command).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
            .until(() -> started.output().contains("ready at http://127.0.0.1:" + port) || !started.process.isAlive());
        if (!started.output().contains("ready at")) {
          throw new IllegalStateException("the emulator did not start:\n" + started.output());
        }
      } catch (RuntimeException e) {
        started.close();
        throw e;
      }
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static EmulatorProcess start(Path dataDir, String... args) {
    return start(dataDir, Map.of(), args);
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** An SDK client for this emulator (us-east-1, the default account), closed with it. No retries. */
  public EcsClient client() {
    EcsClient client = EcsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
    clients.add(client);
    return client;
  }

  /** {@code GET /_emulator/health} as JSON. */
  public JsonNode health() {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/health"))
              .timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL ({@code Process.destroyForcibly} on Linux); returns the exit code (137). */
  public int kill() {
    process.destroyForcibly();
    return waitForExit(Duration.ofSeconds(30));
  }

  /** SIGTERM ({@code Process.destroy} on Linux): a graceful stop. Returns the exit code. */
  public int terminate() {
    process.destroy();
    return waitForExit(Duration.ofMinutes(3));
  }

  private int waitForExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the emulator did not exit within " + timeout + ":\n" + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Everything the process printed so far. */
  public String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(output unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    clients.forEach(EcsClient::close);
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<String> lines = output().lines().toList();
    System.out.println("---- emulator on port " + port + " (pid " + process.pid() + "), last lines of its output:");
    lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
    try {
      Files.deleteIfExists(output);
    } catch (IOException e) {
      // a temp file left behind is harmless
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
