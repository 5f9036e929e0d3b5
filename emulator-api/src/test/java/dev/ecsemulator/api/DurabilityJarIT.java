package dev.ecsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * The packaged jar as its own process, killed with SIGKILL in the middle of a stream of writes and
 * restarted on the same data directory: every acknowledged write is there. Also: one emulator per data
 * directory, and a damaged state file refused by name until {@code --reset-state}.
 */
class DurabilityJarIT {

  static final Path JAR = Path.of(System.getProperty("ecs.emulator.jar", "target/ecs-emulator.jar"));

  @TempDir Path dataDir;
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

  /** Starts the jar on the data directory and returns its port once it printed its ready line. */
  int startOn(String... extra) throws IOException {
    int port = freePort();
    List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port), "--data-dir", dataDir.toString()));
    args.addAll(List.of(extra));
    Process process = launch(args.toArray(String[]::new));
    String ready = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertThat(ready).as("ready line").isNotNull().contains("ready at http://127.0.0.1:" + port);
    return port;
  }

  /** Runs the jar on the data directory expecting a refusal; returns its stderr. */
  String refusedStart(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--port", String.valueOf(freePort()), "--data-dir", dataDir.toString()));
    args.addAll(List.of(extra));
    Process process = launch(args.toArray(String[]::new));
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(stderr).isEqualTo(1);
    List<String> refusals = stderr.lines().filter(l -> l.startsWith("ecs-emulator: cannot start")).toList();
    assertThat(refusals).as(stderr).hasSize(1);
    return refusals.get(0);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static EcsClient client(int port) {
    return EcsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  static Set<String> clusterNames(EcsClient ecs) {
    return ecs.listClustersPaginator().clusterArns().stream()
        .map(arn -> arn.substring(arn.lastIndexOf('/') + 1))
        .collect(Collectors.toSet());
  }

  @Test
  void sigkillMidWritesLosesNoAcknowledgedWrite() throws Exception {
    int port = startOn();
    Process first = processes.get(0);
    Set<String> attempted = ConcurrentHashMap.newKeySet();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger next = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(4);
    try {
      for (int t = 0; t < 4; t++) {
        writers.submit(() -> {
          try (EcsClient ecs = client(port)) {
            while (true) {
              String name = "c" + next.getAndIncrement();
              attempted.add(name);
              ecs.createCluster(b -> b.clusterName(name).tags(Tag.builder().key("n").value(name).build()));
              acknowledged.add(name);
            }
          } catch (RuntimeException killed) {
            return; // the process is gone
          }
        });
      }
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 60);

      first.destroyForcibly(); // SIGKILL on Linux
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).isEqualTo(137);
    } finally {
      writers.shutdown();
      assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    int again = startOn();
    try (EcsClient ecs = client(again)) {
      Set<String> recovered = clusterNames(ecs);
      assertThat(recovered).containsAll(acknowledged);
      assertThat(attempted).containsAll(recovered);
      // Tags are part of the stored cluster; CreateCluster of an existing one returns it as stored.
      String some = acknowledged.iterator().next();
      assertThat(ecs.createCluster(b -> b.clusterName(some)).cluster().tags())
          .containsExactly(Tag.builder().key("n").value(some).build());
      System.out.printf("SIGKILL after %d acknowledged of %d attempted writes; %d recovered%n",
          acknowledged.size(), attempted.size(), recovered.size());
    }
  }

  @Test
  void aSecondEmulatorOnTheSameDataDirectoryIsRefusedByName() throws Exception {
    int port = startOn();

    String refusal = refusedStart();

    assertThat(refusal).contains(dataDir.toString(), "in use by another ecs-emulator", "pid ");
    try (EcsClient ecs = client(port)) {
      assertThat(ecs.listClusters().clusterArns()).as("the first one is unharmed").isEmpty();
    }
  }

  @Test
  void aTruncatedSnapshotIsRefusedByNameUntilReset() throws Exception {
    int port = startOn();
    try (EcsClient ecs = client(port)) {
      ecs.createCluster(b -> b.clusterName("kept-aside"));
    }
    Process first = processes.remove(0);
    first.destroy(); // SIGTERM: a graceful stop writes the snapshot
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Path snapshot = dataDir.resolve("state").resolve("snapshot");
    assertThat(snapshot).exists();
    byte[] whole = Files.readAllBytes(snapshot);
    Files.write(snapshot, java.util.Arrays.copyOf(whole, whole.length - 10));

    String refusal = refusedStart();

    assertThat(refusal).contains("state file " + snapshot + " is damaged", "truncated", "--reset-state", "a copy");
    assertThat(refusedStart()).as("and again, never silently empty").contains(snapshot.toString());

    int reset = startOn("--reset-state");
    try (EcsClient ecs = client(reset)) {
      assertThat(ecs.listClusters().clusterArns()).isEmpty();
    }
    try (Stream<Path> files = Files.list(dataDir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertThat(names).anyMatch(n -> n.startsWith("state.reset-")).anyMatch(n -> n.startsWith("state.damaged-"));
    }
  }

  @Test
  void ephemeralAndResetStateTogetherAreABadOption() throws Exception {
    Process process = launch("--ephemeral", "--reset-state", "--data-dir", dataDir.toString());

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderr.strip().lines()).hasSize(1);
    assertThat(stderr).contains("--reset-state");
  }
}
