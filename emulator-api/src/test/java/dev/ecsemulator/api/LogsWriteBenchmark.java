package dev.ecsemulator.api;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * PutLogEvents throughput at one connection: an AWS SDK v2 client putting batches of {@code batch} events (log lines
 * of about 100 bytes) into one stream of an emulator in this JVM, ephemeral and durable, round after round. Not a
 * test: run on demand (after {@code tools/bench/durability.sh http} built the classpath):
 * {@code java -cp ... dev.ecsemulator.api.LogsWriteBenchmark batch=100 seconds=10 warmup=3 rounds=3 jit=15}
 * ({@code maxGroupBytes=N} sets the group's budget, so that a run measures writing at the cap, with evictions). After
 * each round it also times reading back what the round wrote: one FilterLogEvents search of the whole group for a
 * term no event has (every page, as the CLI pages), and one GetLogEvents of the newest events.
 */
public final class LogsWriteBenchmark {

  private LogsWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int batch = 100;
    int seconds = 10;
    int warmup = 3;
    int rounds = 3;
    int jit = 15;
    List<String> modes = List.of("ephemeral", "durable");
    long maxGroupBytes = dev.ecsemulator.core.logs.LogsSettings.DEFAULT_MAX_GROUP_BYTES;
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "batch" -> batch = Integer.parseInt(kv[1]);
        case "seconds" -> seconds = Integer.parseInt(kv[1]);
        case "warmup" -> warmup = Integer.parseInt(kv[1]);
        case "rounds" -> rounds = Integer.parseInt(kv[1]);
        case "jit" -> jit = Integer.parseInt(kv[1]);
        case "modes" -> modes = List.of(kv[1].split(","));
        case "maxGroupBytes" -> maxGroupBytes = Long.parseLong(kv[1]);
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    for (String mode : modes) {
      run(mode, batch, maxGroupBytes, 0, jit);
    }
    System.out.printf("PutLogEvents, %d events a batch, 1 connection, an emulator in this JVM%n", batch);
    System.out.printf("%-5s %-10s %10s %10s %9s %9s %14s %12s%n", "round", "mode", "batches/s", "events/s", "p50 ms",
        "p99 ms", "search ev/s", "newest ms");
    for (int round = 1; round <= rounds; round++) {
      for (String mode : modes) {
        Measured m = run(mode, batch, maxGroupBytes, warmup, seconds);
        HttpWriteBenchmark.Result r = m.writes();
        System.out.printf("%-5d %-10s %10.0f %10.0f %9.2f %9.2f %14.0f %12.1f%n", round, mode, r.perSecond(),
            r.perSecond() * batch, r.percentileMillis(50), r.percentileMillis(99), m.searchedPerSecond(), m.newestMillis());
      }
    }
  }

  /** A round: the writes, then the reads of what they stored. */
  record Measured(HttpWriteBenchmark.Result writes, double searchedPerSecond, double newestMillis) {}

  static Measured run(String mode, int batch, long maxGroupBytes, int warmupSeconds, int seconds)
      throws Exception {
    Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
    Path dir = Files.createTempDirectory(base, "ecs-logs-bench");
    EmulatorConfig config = EmulatorConfig.forTests(0, dir).withEphemeral(mode.equals("ephemeral"))
        .withDockerHost("unix://" + dir.resolve("no-docker.sock"))
        .withLogs(dev.ecsemulator.core.logs.LogsSettings.defaults().withMaxGroupBytes(maxGroupBytes));
    try (Emulator emulator = Emulator.start(config);
        CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
            .endpointOverride(URI.create(emulator.url()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      logs.createLogGroup(b -> b.logGroupName("/ecs/bench"));
      logs.createLogStream(b -> b.logGroupName("/ecs/bench").logStreamName("ecs/app/0"));
      long start = System.nanoTime();
      long measureFrom = start + warmupSeconds * 1_000_000_000L;
      long end = measureFrom + seconds * 1_000_000_000L;
      long[] latencies = new long[1 << 16];
      int n = 0;
      long line = 0;
      while (true) {
        long began = System.nanoTime();
        if (began >= end) {
          break;
        }
        long now = System.currentTimeMillis();
        List<InputLogEvent> events = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++, line++) {
          events.add(InputLogEvent.builder().timestamp(now).message(String.format(
              "2026-12-07T12:00:00.000Z INFO [main] request %010d GET /api/items?page=3 status=200 latency=12ms", line))
              .build());
        }
        logs.putLogEvents(b -> b.logGroupName("/ecs/bench").logStreamName("ecs/app/0").logEvents(events));
        if (began >= measureFrom) {
          if (n == latencies.length) {
            latencies = Arrays.copyOf(latencies, n * 2);
          }
          latencies[n++] = System.nanoTime() - began;
        }
      }
      long[] measured = Arrays.copyOf(latencies, n);
      Arrays.sort(measured);
      long stored = logs.filterLogEventsPaginator(b -> b.logGroupName("/ecs/bench").filterPattern("request"))
          .events().stream().count();
      long searchStart = System.nanoTime();
      logs.filterLogEventsPaginator(b -> b.logGroupName("/ecs/bench").filterPattern("NOSUCHTERM")).events()
          .forEach(e -> { });
      double searched = stored / ((System.nanoTime() - searchStart) / 1e9);
      long newestStart = System.nanoTime();
      logs.getLogEvents(b -> b.logGroupName("/ecs/bench").logStreamName("ecs/app/0"));
      double newest = (System.nanoTime() - newestStart) / 1e6;
      return new Measured(new HttpWriteBenchmark.Result(mode, 1, n, seconds, measured), searched, newest);
    } finally {
      HttpWriteBenchmark.deleteRecursively(dir);
    }
  }
}
