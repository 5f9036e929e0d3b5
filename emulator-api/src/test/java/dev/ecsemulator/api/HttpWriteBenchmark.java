package dev.ecsemulator.api;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Write throughput through the whole stack: AWS SDK v2 client threads calling one operation that commits
 * every time, ephemeral and durable. Not a test: run on demand (docs/durability.md). Arguments (all
 * optional): {@code op=CreateCluster threads=1,4 seconds=10 warmup=3 rounds=3 jit=20
 * modes=ephemeral,durable server=inprocess} ({@code jit}: seconds of untimed load per mode before the first
 * round).
 *
 * <ul>
 *   <li>{@code op}: {@code CreateCluster} (a new tagged cluster per call), {@code RegisterTaskDefinition}
 *       (a new revision of the thread's family per call) or {@code RunTask} (one Fargate task per call).
 *   <li>{@code server}: {@code inprocess} (an emulator in this JVM) or {@code jar} (the packaged jar
 *       {@code emulator-api/target/ecs-emulator.jar} as its own process, one per mode, kept for all rounds,
 *       the way users run it).
 * </ul>
 *
 * The emulator is given a Docker host that does not exist, so RunTask measures the API and its commits,
 * not container starts: each task is then stopped by the task engine (TaskFailedToStart, one more commit
 * in the background), as a Fargate task is without an engine.
 */
public final class HttpWriteBenchmark {

  private HttpWriteBenchmark() {}

  record Result(String mode, int threads, long ops, double seconds, long[] latenciesNanos) {
    double perSecond() {
      return ops / seconds;
    }

    double percentileMillis(double p) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100 * latenciesNanos.length) - 1);
      return latenciesNanos[Math.max(0, i)] / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    List<Integer> threads = List.of(1, 4);
    List<String> modes = List.of("ephemeral", "durable");
    int seconds = 10;
    int warmup = 3;
    int rounds = 3;
    int jit = 20;
    String op = "CreateCluster";
    String server = "inprocess";
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "threads" -> threads = Arrays.stream(kv[1].split(",")).map(Integer::valueOf).toList();
        case "modes" -> modes = List.of(kv[1].split(","));
        case "seconds" -> seconds = Integer.parseInt(kv[1]);
        case "warmup" -> warmup = Integer.parseInt(kv[1]);
        case "rounds" -> rounds = Integer.parseInt(kv[1]);
        case "jit" -> jit = Integer.parseInt(kv[1]);
        case "op" -> op = kv[1];
        case "server" -> server = kv[1];
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    Operation operation = Operation.valueOf(op);
    Servers servers = new Servers(server.equals("jar"));
    try {
      // Warm the JIT once for everything (SDK, Javalin, Jackson), so the first mode measured is not
      // handicapped; then alternate the modes, round after round, so a slow minute of a shared machine
      // does not land on one mode only.
      for (String mode : modes) {
        run(servers, operation, mode, threads.get(threads.size() - 1), 0, jit);
      }
      System.out.printf("%s through %s%n", op, server.equals("jar") ? "the jar" : "an emulator in this JVM");
      System.out.printf("%-5s %-10s %7s %10s %9s %9s %9s%n", "round", "mode", "threads", "ops/s", "p50 ms", "p99 ms",
          "max ms");
      java.util.Map<String, List<Double>> rates = new java.util.LinkedHashMap<>();
      for (int round = 1; round <= rounds; round++) {
        for (int n : threads) {
          for (String mode : modes) {
            Result r = run(servers, operation, mode, n, warmup, seconds);
            rates.computeIfAbsent(mode + " " + n, k -> new ArrayList<>()).add(r.perSecond());
            System.out.printf("%-5d %-10s %7d %10.0f %9.2f %9.2f %9.2f%n", round, r.mode(), r.threads(),
                r.perSecond(), r.percentileMillis(50), r.percentileMillis(99), r.percentileMillis(100));
          }
        }
      }
      System.out.println("median ops/s over the rounds:");
      rates.forEach((k, v) -> System.out.printf("  %-14s %8.0f%n", k, v.stream().sorted().toList().get(v.size() / 2)));
    } finally {
      servers.close();
    }
  }

  /** What each client thread calls. Every call commits. */
  enum Operation {
    CreateCluster, RegisterTaskDefinition, RunTask;

    /** Creates what the calls need (once per emulator). */
    void prepare(EcsClient ecs) {
      if (this == RunTask) {
        ecs.createCluster(b -> b.clusterName("default"));
        ecs.registerTaskDefinition(b -> b.family("bench-fargate").networkMode(NetworkMode.AWSVPC)
            .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
            .containerDefinitions(c -> c.name("app").image("ecs-emulator/sample-web:1")));
      }
    }

    void call(EcsClient ecs, int thread, int i) {
      switch (this) {
        case CreateCluster -> {
          String name = "bench-" + thread + "-" + i;
          ecs.createCluster(b -> b.clusterName(name).tags(Tag.builder().key("bench").value(name).build()));
        }
        case RegisterTaskDefinition -> ecs.registerTaskDefinition(b -> b.family("bench-" + thread)
            .containerDefinitions(c -> c.name("app").image("ecs-emulator/sample-web:1").memory(32)
                .environment(e -> e.name("N").value(String.valueOf(i)))));
        case RunTask -> ecs.runTask(b -> b.taskDefinition("bench-fargate").launchType(LaunchType.FARGATE)
            .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
      }
    }
  }

  /** One emulator per mode: a fresh one per run in this JVM, or one jar process per mode kept for all runs. */
  static final class Servers implements AutoCloseable {
    private final boolean jar;
    private final java.util.Map<String, JarServer> started = new java.util.HashMap<>();

    Servers(boolean jar) {
      this.jar = jar;
    }

    /** Runs {@code body} with the URL of an emulator in {@code mode}, prepared for {@code op}. */
    <T> T with(String mode, Operation op, java.util.function.Function<String, T> body) throws Exception {
      if (jar) {
        JarServer server = started.get(mode);
        if (server == null) {
          server = JarServer.start(mode);
          try (EcsClient ecs = client(server.url())) {
            op.prepare(ecs);
          }
          started.put(mode, server);
        }
        return body.apply(server.url());
      }
      Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
      Path dir = Files.createTempDirectory(base, "ecs-http-bench");
      EmulatorConfig config = EmulatorConfig.forTests(0, dir).withEphemeral(mode.equals("ephemeral"))
          .withDockerHost("unix://" + dir.resolve("no-docker.sock"));
      try (Emulator emulator = Emulator.start(config)) {
        try (EcsClient ecs = client(emulator.url())) {
          op.prepare(ecs);
        }
        return body.apply(emulator.url());
      } finally {
        deleteRecursively(dir);
      }
    }

    @Override
    public void close() {
      started.values().forEach(JarServer::close);
    }
  }

  /** The packaged jar as its own process on a fresh data directory. */
  record JarServer(Process process, Path dir, String url) implements AutoCloseable {
    static JarServer start(String mode) throws Exception {
      Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
      Path dir = Files.createTempDirectory(base, "ecs-http-bench");
      int port;
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", System.getProperty("ecs.emulator.jar", "emulator-api/target/ecs-emulator.jar"),
          "--port", String.valueOf(port), "--data-dir", dir.toString(),
          "--docker-host", "unix://" + dir.resolve("no-docker.sock")));
      if (mode.equals("ephemeral")) {
        command.add("--ephemeral");
      }
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      java.io.BufferedReader output = new java.io.BufferedReader(
          new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      for (String line; (line = output.readLine()) != null; ) {
        seen.append(line).append('\n');
        if (line.contains("ready at")) {
          Thread drain = new Thread(() -> {
            try {
              output.lines().forEach(l -> { });
            } catch (java.io.UncheckedIOException closed) {
              // the process was stopped
            }
          }, "bench-emulator-output");
          drain.setDaemon(true);
          drain.start(); // a full pipe would block the emulator
          return new JarServer(process, dir, "http://127.0.0.1:" + port);
        }
      }
      throw new IllegalStateException("the jar did not start:\n" + seen);
    }

    @Override
    public void close() {
      process.destroy();
      try {
        process.waitFor();
        deleteRecursively(dir);
      } catch (Exception e) {
        process.destroyForcibly();
      }
    }
  }

  static Result run(Servers servers, Operation op, String mode, int threads, int warmupSeconds, int seconds)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      return servers.with(mode, op, url -> {
        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          futures.add(pool.submit(() -> drive(url, op, thread, measureFrom, end)));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
          try {
            all.add(f.get());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(mode, threads, latencies.length, seconds, latencies);
      });
    } finally {
      pool.shutdownNow();
    }
  }

  static EcsClient client(String url) {
    return EcsClient.builder()
        .endpointOverride(URI.create(url))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Calls {@code op} until {@code end}; returns the latencies of the calls that started after warm-up. */
  static long[] drive(String url, Operation op, int thread, long measureFrom, long end) {
    long[] latencies = new long[1 << 16];
    int n = 0;
    try (EcsClient ecs = client(url)) {
      for (int i = 0; ; i++) {
        long began = System.nanoTime();
        if (began >= end) {
          break;
        }
        op.call(ecs, thread, i);
        if (began >= measureFrom) {
          if (n == latencies.length) {
            latencies = Arrays.copyOf(latencies, n * 2);
          }
          latencies[n++] = System.nanoTime() - began;
        }
      }
    }
    return Arrays.copyOf(latencies, n);
  }

  static void deleteRecursively(Path dir) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
