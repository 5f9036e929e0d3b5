package dev.ecsemulator.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.api.Emulator;
import dev.ecsemulator.api.EmulatorConfig;
import dev.ecsemulator.api.protocol.ServiceModel;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.runtime.ContainerSpecFactory;
import dev.ecsemulator.scheduler.runtime.LaunchContext;
import dev.ecsemulator.scheduler.runtime.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated requests, built from the botocore model, to every implemented operation: mostly-valid values and known
 * names so that requests get past validation, and hostile mutations of them (see {@link RequestGenerator}), plus
 * mutations of valid requests. What must hold:
 *
 * <ul>
 *   <li>no answer is a 5xx (every bad input is the client's);
 *   <li>once the run settles, no task is left between statuses (PROVISIONING, PENDING, ...);
 *   <li>every stored task definition, with the overrides of every stored task, can be mapped to containers by the
 *       scheduler (what the API accepts, the scheduler can run);
 *   <li>every stored record can be described through the API, and is read back whole after a restart.
 * </ul>
 *
 * The emulator is durable and points at a Docker engine that does not exist, so tasks fail fast instead of thousands
 * of containers being launched ({@code -Dfuzz.docker=true}: the real engine, whose containers the run removes at its
 * end). Cheap by default ({@value #DEFAULT_REQUESTS} requests); the full run: {@code -Dfuzz.requests=12000} (and
 * {@code -Dfuzz.seed=N} to vary or replay it). docs/hardening.md has the figures.
 */
class RequestFuzzTest {

  static final int DEFAULT_REQUESTS = 600;
  static final String TARGET = "AmazonEC2ContainerServiceV20141113.";
  static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  static final String NETWORK = "\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}";

  /** Valid requests, mutated in half the requests of their operation. */
  static final Map<String, String> SEEDS = Map.ofEntries(
      Map.entry("CreateCluster", "{\"clusterName\":\"fuzz-c\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}],"
          + "\"settings\":[{\"name\":\"containerInsights\",\"value\":\"enabled\"}]}"),
      Map.entry("RegisterTaskDefinition", "{\"family\":\"fuzz-web\",\"containerDefinitions\":[{\"name\":\"app\","
          + "\"image\":\"ecs-emulator/sample-web:1\",\"memory\":32,\"command\":[\"sleep\",\"1\"],"
          + "\"environment\":[{\"name\":\"A\",\"value\":\"1\"}],\"portMappings\":[{\"containerPort\":8080}],"
          + "\"dockerLabels\":{\"a\":\"b\"},\"healthCheck\":{\"command\":[\"CMD-SHELL\",\"true\"]},"
          + "\"ulimits\":[{\"name\":\"nofile\",\"softLimit\":1024,\"hardLimit\":2048}],"
          + "\"mountPoints\":[{\"sourceVolume\":\"v\",\"containerPath\":\"/v\"}],"
          + "\"logConfiguration\":{\"logDriver\":\"json-file\",\"options\":{\"max-size\":\"1m\"}}}],"
          + "\"volumes\":[{\"name\":\"v\"}],\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}"),
      Map.entry("RunTask", "{\"taskDefinition\":\"fuzz-fargate\",\"launchType\":\"FARGATE\"," + NETWORK + ","
          + "\"overrides\":{\"containerOverrides\":[{\"name\":\"app\",\"command\":[\"sleep\",\"2\"],"
          + "\"environment\":[{\"name\":\"B\",\"value\":\"2\"}]}]},\"startedBy\":\"fuzz\",\"count\":2,"
          + "\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}"),
      Map.entry("CreateService", "{\"serviceName\":\"fuzz-s\",\"taskDefinition\":\"fuzz-fargate\",\"desiredCount\":1,"
          + "\"launchType\":\"FARGATE\"," + NETWORK + ",\"deploymentConfiguration\":{\"deploymentCircuitBreaker\":"
          + "{\"enable\":true,\"rollback\":true}}}"),
      Map.entry("UpdateService", "{\"service\":\"fuzz-s\",\"desiredCount\":2,\"taskDefinition\":\"fuzz-fargate\"}"),
      Map.entry("TagResource", "{\"resourceArn\":\"arn:aws:ecs:us-east-1:000000000000:cluster/default\","
          + "\"tags\":[{\"key\":\"a\",\"value\":\"b\"}]}"),
      Map.entry("UpdateClusterSettings", "{\"cluster\":\"default\",\"settings\":[{\"name\":\"containerInsights\","
          + "\"value\":\"disabled\"}]}"),
      Map.entry("PutAccountSetting", "{\"name\":\"containerInsights\",\"value\":\"enabled\"}"),
      Map.entry("StopTask", "{\"task\":\"0123456789abcdef0123456789abcdef\",\"reason\":\"fuzz\"}"));

  @TempDir Path dataDir;
  final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void everyImplementedOperationAnswersHostileInputWithoutA5xxAndLeavesNothingStuck() throws Exception {
    long seed = Long.getLong("fuzz.seed", 22L);
    int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
    boolean docker = Boolean.getBoolean("fuzz.docker");
    EmulatorConfig durable = EmulatorConfig.forTests(0, dataDir).withEphemeral(false);
    EmulatorConfig config = docker ? durable : durable.withDockerHost("unix://" + dataDir.resolve("no-docker.sock"));
    ServiceModel model = ServiceModel.load();
    Random random = new Random(seed);
    List<String> pool = new ArrayList<>(List.of("default", "fuzz-c", "fuzz-web", "fuzz-web:1", "fuzz-fargate",
        "fuzz-s", "FARGATE", "containerInsights"));
    RequestGenerator generator = new RequestGenerator(model, random, pool);
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> errorTypes = new TreeMap<>();
    Map<String, Integer> accepted = new TreeMap<>();
    List<String> serverErrors = new ArrayList<>();
    long started = System.nanoTime();
    Set<String> keysBefore = new TreeSet<>();

    try {
      try (Emulator emulator = Emulator.start(config)) {
        setUp(emulator.url(), true);
        List<String> operations = implemented(emulator.url(), model);
        for (int i = 0; i < requests; i++) {
          if (i % 200 == 199) {
            setUp(emulator.url(), false); // what the requests deleted comes back, so that later ones reach further
          }
          String operation = operations.get(random.nextInt(operations.size()));
          String seedJson = SEEDS.get(operation);
          ObjectNode seedNode = seedJson != null && random.nextBoolean() ? (ObjectNode) json.readTree(seedJson) : null;
          byte[] body = generator.body(operation, seedNode);
          HttpResponse<String> response = post(emulator.url(), operation, body);
          statuses.merge(response.statusCode(), 1, Integer::sum);
          if (response.statusCode() >= 500) {
            serverErrors.add("#" + i + " " + operation + " " + response.statusCode() + " " + response.body()
                + " <- " + excerpt(body));
          } else if (response.statusCode() == 200) {
            accepted.merge(operation, 1, Integer::sum);
            harvest(response.body(), pool);
          } else {
            errorTypes.merge(json.readTree(response.body()).path("__type").asText(), 1, Integer::sum);
          }
        }
        long sent = System.nanoTime();

        assertThat(serverErrors).as("5xx answers (seed %d)", seed).isEmpty();
        awaitSettled(emulator.store());
        assertEverythingDescribable(emulator.url(), emulator.store());
        assertEveryDefinitionMappable(emulator.store());
        keysBefore.addAll(keys(emulator.store()));
        System.out.printf("fuzz: seed %d, %d requests to %d operations in %.1f s (%.0f/s), statuses %s, 5xx %d, "
                + "stored records %d%n  errors %s%n  200s by operation %s%n", seed, requests, operations.size(),
            (sent - started) / 1e9, requests / ((sent - started) / 1e9), statuses, serverErrors.size(), keysBefore.size(),
            errorTypes, accepted);
      }
    } finally {
      // Read back after a restart; and, with the real engine, every container and network of this emulator removed
      // (none without it), pass or fail.
      try (Emulator restarted = Emulator.start(config)) {
        try {
          if (!keysBefore.isEmpty()) { // the run got that far
            assertThat(keys(restarted.store())).as("records read back after a restart").isEqualTo(keysBefore);
          }
        } finally {
          HttpResponse<String> reset = http.send(HttpRequest.newBuilder(URI.create(restarted.url() + "/_emulator/reset"))
              .header("Content-Type", "application/json") // reset refuses other content types
              .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
          assertThat(reset.statusCode()).as("reset: " + reset.body()).isEqualTo(200);
        }
      }
    }
  }

  /**
   * Names the seeds use: clusters, an EC2 and a Fargate family, a service; checked the first time (later, the
   * service may exist already, or its cluster be draining).
   */
  private void setUp(String url, boolean check) {
    List<String> pairs = List.of("CreateCluster", "{}", "CreateCluster", "{\"clusterName\":\"fuzz-c\"}",
        "RegisterTaskDefinition", SEEDS.get("RegisterTaskDefinition"),
        "RegisterTaskDefinition", "{\"family\":\"fuzz-fargate\",\"requiresCompatibilities\":[\"FARGATE\"],"
            + "\"networkMode\":\"awsvpc\",\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":[{\"name\":\"app\","
            + "\"image\":\"ecs-emulator/sample-web:1\",\"portMappings\":[{\"containerPort\":8080}]}]}",
        "CreateService", SEEDS.get("CreateService"));
    for (int i = 0; i < pairs.size(); i += 2) {
      HttpResponse<String> response = post(url, pairs.get(i), pairs.get(i + 1).getBytes(StandardCharsets.UTF_8));
      if (check) {
        assertThat(response.statusCode()).as(pairs.get(i) + ": " + response.body()).isEqualTo(200);
      }
    }
  }

  /** The model's operations the emulator implements: those that do not answer UnsupportedFeatureException. */
  private List<String> implemented(String url, ServiceModel model) {
    List<String> implemented = new ArrayList<>();
    for (String operation : model.operationNames()) {
      if (!post(url, operation, "{}".getBytes(StandardCharsets.UTF_8)).body().contains("UnsupportedFeatureException")) {
        implemented.add(operation);
      }
    }
    assertThat(implemented).hasSizeGreaterThan(30);
    return implemented;
  }

  /** Every ARN an answer names joins the pool of names the generator picks from (at most 300 of them). */
  private void harvest(String body, List<String> pool) throws IOException {
    List<String> found = new ArrayList<>();
    collectArns(json.readTree(body), found);
    for (String arn : found) {
      if (pool.size() < 300 && !pool.contains(arn)) {
        pool.add(arn);
      }
    }
  }

  private static void collectArns(JsonNode node, List<String> out) {
    if (node.isTextual() && node.asText().startsWith("arn:aws:ecs:")) {
      out.add(node.asText());
    }
    node.forEach(child -> collectArns(child, out));
  }

  /** No task is left between statuses: each ends RUNNING or STOPPED (with no engine: STOPPED) within 2 minutes. */
  private static void awaitSettled(StateStore store) {
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      List<Task> tasks = store.read(SCOPE, v -> v.list(EcsKinds.TASK));
      assertThat(tasks).as("tasks between statuses").allSatisfy(t -> assertThat(t.lastStatus()).isIn("RUNNING", "STOPPED"));
    });
  }

  /** Every cluster, task definition, service and task is described by the API with a 200. */
  private void assertEverythingDescribable(String url, StateStore store) {
    List<String> failures = new ArrayList<>();
    store.read(SCOPE, v -> v.list(EcsKinds.CLUSTER)).forEach(c ->
        expect200(url, "DescribeClusters", "{\"clusters\":[" + quoted(c.clusterArn()) + "],\"include\":[\"TAGS\","
            + "\"SETTINGS\",\"CONFIGURATIONS\",\"STATISTICS\",\"ATTACHMENTS\"]}", failures));
    store.read(SCOPE, v -> v.list(EcsKinds.TASK_DEFINITION)).forEach(td ->
        expect200(url, "DescribeTaskDefinition", "{\"taskDefinition\":" + quoted(td.taskDefinitionArn())
            + ",\"include\":[\"TAGS\"]}", failures));
    store.read(SCOPE, v -> v.list(EcsKinds.SERVICE)).forEach(s ->
        expect200(url, "DescribeServices", "{\"cluster\":" + quoted(s.clusterArn()) + ",\"services\":["
            + quoted(s.serviceArn()) + "],\"include\":[\"TAGS\"]}", failures));
    store.read(SCOPE, v -> v.list(EcsKinds.TASK)).forEach(t ->
        expect200(url, "DescribeTasks", "{\"cluster\":" + quoted(t.clusterArn()) + ",\"tasks\":["
            + quoted(t.taskArn()) + "],\"include\":[\"TAGS\"]}", failures));
    assertThat(failures).as("stored records the API cannot describe").isEmpty();
  }

  private void expect200(String url, String operation, String body, List<String> failures) {
    HttpResponse<String> response = post(url, operation, body.getBytes(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      failures.add(operation + " " + body + " -> " + response.statusCode() + " " + response.body());
    }
  }

  /**
   * What the API accepted, the scheduler can map to containers: every stored task definition, alone and with the
   * overrides of each stored task that uses it, through the container mapping a launch uses.
   */
  private static void assertEveryDefinitionMappable(StateStore store) {
    ContainerSpecFactory specs = new ContainerSpecFactory();
    List<String> failures = new ArrayList<>();
    List<Task> tasks = store.read(SCOPE, v -> v.list(EcsKinds.TASK));
    for (TaskDefinition definition : store.read(SCOPE, v -> v.list(EcsKinds.TASK_DEFINITION))) {
      List<dev.ecsemulator.core.model.TaskOverride> overrides = new ArrayList<>();
      overrides.add(null);
      tasks.stream().filter(t -> definition.taskDefinitionArn().equals(t.taskDefinitionArn()))
          .forEach(t -> overrides.add(t.overrides()));
      for (var override : overrides) {
        try {
          boolean awsvpc = "awsvpc".equals(ContainerSpecFactory.networkMode(definition));
          LaunchContext context = new LaunchContext(SCOPE, "fuzz", "arn:aws:ecs:us-east-1:000000000000:task/fuzz/"
              + "0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef", awsvpc ? "FARGATE" : "EC2",
              "127.0.0.1", Map.of(), null, false,
              awsvpc ? new Sandbox("sandbox-id", "sandbox", "172.17.0.9", null, List.of()) : null);
          specs.unresolved(definition, override);
          specs.sandbox(definition, override, context);
          specs.volumes(definition, context);
          definition.containerDefinitions().forEach(cd -> specs.container(definition, cd, override, context));
        } catch (RuntimeException e) {
          failures.add(definition.taskDefinitionArn() + " with " + override + ": " + e);
        }
      }
    }
    assertThat(failures).as("stored task definitions the scheduler cannot map").isEmpty();
  }

  /** Every stored record's kind and key, in every scope. */
  private static Set<String> keys(StateStore store) {
    Set<String> keys = new TreeSet<>();
    for (Scope scope : store.scopes()) {
      for (Kind<?> kind : EcsKinds.all()) {
        List<String> stored = store.read(scope, v -> v.keys(kind));
        List<?> records = store.read(scope, v -> v.list(kind));
        assertThat(records).as("%s records readable in %s", kind, scope).hasSameSizeAs(stored).doesNotContainNull();
        stored.forEach(key -> keys.add(scope + " " + kind + " " + key));
      }
    }
    return keys;
  }

  private HttpResponse<String> post(String url, String operation, byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/"))
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", TARGET + operation)
        .timeout(Duration.ofMinutes(1))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String quoted(String text) {
    try {
      return json.writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String excerpt(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() <= 2000 ? text : text.substring(0, 2000) + "... (" + body.length + " bytes)";
  }
}
