package dev.ecsemulator.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.EmulatorConfig;
import dev.ecsemulator.api.protocol.AwsService;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.core.state.StateStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated requests, built from each service's botocore model, to every implemented operation of every service the
 * emulator serves (as {@link Emulator#services()} lists them, so a new service is fuzzed without a change here): values
 * mostly valid and names that exist so that requests get past validation, hostile mutations of them (see
 * {@link RequestGenerator}), and valid requests of each service's main operations from its {@link ServiceFixture}. The
 * services' requests are interleaved, each getting as many. What must hold:
 *
 * <ul>
 *   <li>no answer is a 5xx, and every request is answered (every bad input is the client's);
 *   <li>once the run settles, nothing is left between states (no task PROVISIONING, PENDING, ...);
 *   <li>every stored record is readable, is read back after a restart, and is read whole through its service's API
 *       (ECS: also mapped to containers by the scheduler);
 *   <li>no secret value sent during the run shows in the emulator's log, nor in any answer but where it must
 *       (GetSecretValue, BatchGetSecretValue, and the SSM parameter reads with decryption or of a plain String).
 * </ul>
 *
 * The emulator is durable and points at a Docker engine that does not exist, so tasks fail fast instead of thousands
 * of containers being launched ({@code -Dfuzz.docker=true}: the real engine, whose containers the run removes at its
 * end). Cheap by default ({@value #DEFAULT_REQUESTS} requests per service); the full run:
 * {@code -Dfuzz.requests=10000} (per service; and {@code -Dfuzz.seed=N} to vary or replay it). docs/hardening.md has
 * the figures.
 */
class RequestFuzzTest {

  static final int DEFAULT_REQUESTS = 150;
  /** Every so many requests of a service, its fixture brings back what the requests deleted. */
  static final int AGAIN_EVERY = 100;
  /** After so many requests without an answer the run stops: see {@link #stuck}. */
  static final int MAX_UNANSWERED = 3;

  @TempDir Path dataDir;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void everyOperationOfEveryServiceAnswersHostileInputWithoutA5xxShowsNoSecretAndLeavesNothingStuck()
      throws Exception {
    fuzz(dataDir, Long.getLong("fuzz.seed", 22L), Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS),
        Boolean.getBoolean("fuzz.docker"));
  }

  /**
   * One run: {@code perService} requests to each service on the endpoint, interleaved, from {@code seed}; with
   * {@code docker}, against the real engine (tasks run as containers, removed at the end), else against none.
   * Answers how many requests were sent.
   */
  int fuzz(Path dataDir, long seed, int perService, boolean docker) throws Exception {
    EmulatorConfig durable = EmulatorConfig.forTests(0, dataDir).withEphemeral(false);
    EmulatorConfig config = docker ? durable : durable.withDockerHost("unix://" + dataDir.resolve("no-docker.sock"));
    Random random = new Random(seed);
    SecretWatch secrets = new SecretWatch(random);
    List<FuzzedService> services = new ArrayList<>();
    Set<String> keysBefore = new TreeSet<>();
    int sent = 0;

    try (LogTap log = new LogTap()) {
      try {
        try (Emulator emulator = Emulator.start(config)) {
          for (AwsService service : emulator.services()) {
            NamePool names = new NamePool(random);
            services.add(new FuzzedService(service, fixture(service.name(), names, secrets, random),
                new WireClient(http, emulator.url(), service), names, random, secrets));
          }
          for (FuzzedService service : services) {
            service.setUp();
          }
          long started = System.nanoTime();
          for (int i = 0; i < perService * services.size() && !stuck(services); i++) {
            FuzzedService service = services.get(i % services.size());
            if (i / services.size() % AGAIN_EVERY == AGAIN_EVERY - 1) {
              service.again();
            }
            service.send(i);
            sent++;
          }
          double seconds = (System.nanoTime() - started) / 1e9;

          for (FuzzedService service : services) {
            assertThat(service.tally().serverErrors).as("%s: 5xx answers and requests unanswered (seed %d)",
                service.service().name(), seed).isEmpty();
          }
          for (FuzzedService service : services) {
            service.fixture().awaitSettled(emulator.store());
          }
          // Closed first: the metric, alarm and scaling loops write on their own clock, and what must come back is
          // what was stored when the emulator stopped.
          emulator.close();
          keysBefore.addAll(keys(emulator.store()));
          System.out.printf("fuzz: seed %d, %d requests (%d per service) in %.1f s (%.0f/s), %d secret values sent, "
                  + "%d stored records%n", seed, perService * services.size(), perService, seconds,
              perService * services.size() / seconds, secrets.made(), keysBefore.size());
          services.forEach(s -> System.out.println("  " + s.tally().summary(s.service().name(), s.operations())));
          for (FuzzedService service : services) {
            assertThat(service.tally().leaks).as("%s: answers that show a secret value (seed %d)",
                service.service().name(), seed).isEmpty();
          }
        }
      } finally {
        // Read back after a restart; and, with the real engine, every container and network of this emulator removed
        // (none without it), pass or fail.
        try (Emulator restarted = Emulator.start(config)) {
          try {
            if (!keysBefore.isEmpty()) { // the run got that far
              Set<String> after = keys(restarted.store());
              assertThat(after).as("records read back after a restart").containsAll(keysBefore);
              assertThat(after.stream().filter(key -> !keysBefore.contains(key)))
                  .as("records new since the restart: only what the restarted emulator's own loops write")
                  .allMatch(RequestFuzzTest::writtenByLoops);
              assertEverythingReadable(restarted, services);
            }
          } finally {
            reset(restarted);
          }
        }
      }
      assertThat(log.lines()).as("the tap sees the emulator's log (its store's start line)")
          .anyMatch(line -> line.contains("DurableStateStore"));
      assertThat(log.lines()).as("log lines that show a secret value (seed %d)", seed)
          .noneMatch(SecretWatch::shows);
    }
    return sent;
  }

  /**
   * Whether so many requests went unanswered that the emulator may be stuck (a lock held for ever makes each later
   * request wait out its timeout): the run stops, and fails on what it found.
   */
  private static boolean stuck(List<FuzzedService> services) {
    return services.stream().mapToInt(s -> s.tally().unanswered()).sum() >= MAX_UNANSWERED;
  }

  /** The fixture of a service, by its name; a service without one is fuzzed from its model alone. */
  private static ServiceFixture fixture(String service, NamePool names, SecretWatch secrets, Random random) {
    return switch (service) {
      case "ecs" -> new EcsFixture(names);
      case "secretsmanager" -> new SecretsManagerFixture(names, secrets, random);
      case "ssm" -> new SsmFixture(names, secrets, random);
      case "logs" -> new LogsFixture(names, random);
      case "monitoring" -> new CloudWatchFixture(names, random);
      case "application-autoscaling" -> new AutoScalingFixture(names, random);
      default -> new ModelOnlyFixture();
    };
  }

  /** Every stored record of every service is read whole through its service's API. */
  private void assertEverythingReadable(Emulator emulator, List<FuzzedService> services) {
    List<String> failures = new ArrayList<>();
    for (FuzzedService fuzzed : services) {
      AwsService service = emulator.services().stream().filter(s -> s.name().equals(fuzzed.service().name()))
          .findFirst().orElseThrow();
      fuzzed.fixture().checkReadable(emulator.store(), new WireClient(http, emulator.url(), service), failures);
    }
    assertThat(failures).as("stored records not read back through the API").isEmpty();
  }

  /** Every stored record's kind and key, in every scope; every record readable. */
  /** A key ({@code scope kind key}) of a kind that the metric, alarm and scaling loops write by themselves. */
  private static boolean writtenByLoops(String key) {
    String kind = key.split(" ")[1];
    return Set.of("cloudwatch-datapoints", "cloudwatch-metric", "cloudwatch-alarm-history", "autoscaling-activity")
        .contains(kind);
  }

  private static Set<String> keys(StateStore store) {
    Set<String> keys = new TreeSet<>();
    for (Scope scope : store.scopes()) {
      for (Kind<?> kind : Emulator.kinds().kinds()) {
        List<String> stored = store.read(scope, v -> v.keys(kind));
        List<?> records = store.read(scope, v -> v.list(kind));
        assertThat(records).as("%s records readable in %s", kind, scope).hasSameSizeAs(stored).doesNotContainNull();
        stored.forEach(key -> keys.add(scope + " " + kind + " " + key));
      }
    }
    return keys;
  }

  private void reset(Emulator emulator) throws Exception {
    HttpResponse<String> reset = http.send(HttpRequest.newBuilder(URI.create(emulator.url() + "/_emulator/reset"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reset.statusCode()).as("reset: " + reset.body()).isEqualTo(200);
  }
}
