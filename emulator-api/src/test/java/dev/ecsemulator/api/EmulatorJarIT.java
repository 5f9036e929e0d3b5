package dev.ecsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The packaged jar, run as its own process the way users run it. */
class EmulatorJarIT {

  static final Path JAR = Path.of(System.getProperty("ecs.emulator.jar", "target/ecs-emulator.jar"));

  final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process p : processes) {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  Process launch(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    processes.add(process);
    return process;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void servesTheSdkAndReportsDockerInHealth() throws Exception {
    int port = freePort();
    Path dataDir = Files.createTempDirectory("ecs-emulator-it");
    long launched = System.nanoTime();
    Process process = launch("--port", String.valueOf(port), "--data-dir", dataDir.toString());

    BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String ready = stdout.readLine();
    long readyNanos = System.nanoTime() - launched;
    assertThat(ready).isNotNull().contains("ready at http://127.0.0.1:" + port);

    try (EcsClient ecs = EcsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build()) {
      assertThat(ecs.listClusters().clusterArns()).isEmpty();
    }
    long firstServedNanos = System.nanoTime() - launched;
    // Reported, not asserted: timing assertions are flaky on shared 2-core machines.
    System.out.printf("startup: ready line after %d ms, first SDK request served after %d ms%n",
        readyNanos / 1_000_000, firstServedNanos / 1_000_000);

    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode body = new ObjectMapper().readTree(health.body());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(body.path("docker").path("reachable").asBoolean()).isTrue();
    assertThat(body.path("docker").path("version").asText()).isNotBlank();
    assertThat(body.path("version").asText()).isNotBlank();
    assertThat(body.path("uptimeSeconds").isNumber()).isTrue();
  }

  @Test
  void startsAndServesWithoutADockerEngine() throws Exception {
    int port = freePort();
    Path dataDir = Files.createTempDirectory("ecs-emulator-it");
    Process process = launch("--port", String.valueOf(port), "--data-dir", dataDir.toString(),
        "--docker-host", "unix://" + dataDir.resolve("no-such-docker.sock"));

    String ready = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertThat(ready).contains("ready at");

    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode docker = new ObjectMapper().readTree(health.body()).path("docker");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(docker.path("reachable").asBoolean()).isFalse();
    assertThat(docker.path("error").asText()).isNotBlank();
  }

  @Test
  void aBadOptionIsOneLineAndExitCode2() throws Exception {
    Process process = launch("--port", "not-a-number");

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderr.strip().lines()).hasSize(1);
    assertThat(stderr).contains("--port");
  }

  @Test
  void anUnknownOptionIsRefusedToo() throws Exception {
    Process process = launch("--prot", "1");

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
  }

  @Test
  void helpListsEveryOption() throws Exception {
    Process process = launch("--help");

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isZero();
    assertThat(stdout).contains("--port", "--bind", "--region", "--account-id", "--data-dir", "--docker-host",
        "--ephemeral", "--reset-state", "ECS_EMULATOR_EPHEMERAL", "--stop-tasks-on-exit", "ECS_EMULATOR_STOP_TASKS_ON_EXIT",
        "ECS_EMULATOR_PORT");
  }
}
