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
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Write throughput through the whole stack: AWS SDK v2 client threads calling CreateCluster (a new
 * cluster with a tag each time, so every call commits) against an emulator in this JVM, ephemeral and
 * durable. Not a test: run on demand (docs/durability.md). Arguments (all optional):
 * {@code threads=1,4 seconds=10 warmup=3 rounds=3 jit=20 modes=ephemeral,durable} ({@code jit}: seconds of
 * untimed load per mode before the first round).
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
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "threads" -> threads = Arrays.stream(kv[1].split(",")).map(Integer::valueOf).toList();
        case "modes" -> modes = List.of(kv[1].split(","));
        case "seconds" -> seconds = Integer.parseInt(kv[1]);
        case "warmup" -> warmup = Integer.parseInt(kv[1]);
        case "rounds" -> rounds = Integer.parseInt(kv[1]);
        case "jit" -> jit = Integer.parseInt(kv[1]);
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    // Warm the JIT once for everything (SDK, Javalin, Jackson), so the first mode measured is not
    // handicapped; then alternate the modes, round after round, so a slow minute of a shared machine
    // does not land on one mode only.
    for (String mode : modes) {
      run(mode, threads.get(threads.size() - 1), 0, jit);
    }
    System.out.printf("%-5s %-10s %7s %10s %9s %9s %9s%n", "round", "mode", "threads", "ops/s", "p50 ms", "p99 ms", "max ms");
    java.util.Map<String, List<Double>> rates = new java.util.LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (int n : threads) {
        for (String mode : modes) {
          Result r = run(mode, n, warmup, seconds);
          rates.computeIfAbsent(mode + " " + n, k -> new ArrayList<>()).add(r.perSecond());
          System.out.printf("%-5d %-10s %7d %10.0f %9.2f %9.2f %9.2f%n", round, r.mode(), r.threads(), r.perSecond(),
              r.percentileMillis(50), r.percentileMillis(99), r.percentileMillis(100));
        }
      }
    }
    System.out.println("median ops/s over the rounds:");
    rates.forEach((k, v) -> System.out.printf("  %-14s %8.0f%n", k, v.stream().sorted().toList().get(v.size() / 2)));
  }

  static Result run(String mode, int threads, int warmupSeconds, int seconds) throws Exception {
    Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
    Path dir = Files.createTempDirectory(base, "ecs-http-bench");
    EmulatorConfig config = EmulatorConfig.forTests(0, dir).withEphemeral(mode.equals("ephemeral"));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Emulator emulator = Emulator.start(config)) {
      long start = System.nanoTime();
      long measureFrom = start + warmupSeconds * 1_000_000_000L;
      long end = measureFrom + seconds * 1_000_000_000L;
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> drive(emulator.url(), thread, measureFrom, end)));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> f : futures) {
        all.add(f.get());
      }
      long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new Result(mode, threads, latencies.length, seconds, latencies);
    } finally {
      pool.shutdownNow();
      deleteRecursively(dir);
    }
  }

  /** Calls CreateCluster until {@code end}; returns the latencies of the calls that started after warm-up. */
  static long[] drive(String url, int thread, long measureFrom, long end) {
    long[] latencies = new long[1 << 16];
    int n = 0;
    try (EcsClient ecs = EcsClient.builder()
        .endpointOverride(URI.create(url))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build()) {
      for (int i = 0; ; i++) {
        long began = System.nanoTime();
        if (began >= end) {
          break;
        }
        String name = "bench-" + thread + "-" + i;
        ecs.createCluster(b -> b.clusterName(name).tags(Tag.builder().key("bench").value(name).build()));
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

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
