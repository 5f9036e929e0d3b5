package dev.ecsemulator.scheduler.metadata;

import static dev.ecsemulator.core.EcsKinds.TASK;
import static dev.ecsemulator.core.EcsKinds.TASK_DEFINITION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.tag.ResourceTagging;
import dev.ecsemulator.scheduler.metadata.EndpointIndex.ContainerRef;
import dev.ecsemulator.scheduler.metadata.EndpointIndex.TaskRef;
import dev.ecsemulator.scheduler.metadata.MetadataResponses.Version;
import dev.ecsemulator.scheduler.metadata.MetadataShapes.CredentialsError;
import dev.ecsemulator.scheduler.runtime.AgentLabels;
import dev.ecsemulator.scheduler.runtime.ContainerSpecFactory;
import dev.ecsemulator.scheduler.task.TaskRecords;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Answers the task endpoint's questions: container and task metadata (v3, v4), Docker stats, and role
 * credentials, each for the caller named by the ID in its path. The answers, their status codes and the
 * wording of their errors are the agent's (agent {@code ecs-agent/tmds/handlers/v4/handlers.go},
 * {@code agent/handlers/v4/tmdsstate.go}, {@code agent/handlers/v3/*.go}, {@code agent/handlers/v2/*.go},
 * {@code ecs-agent/tmds/handlers/v1/credentials_handler.go}). No HTTP here: the server turns an {@link Answer}
 * into a response. Thread-safe; {@link #close} ends its stats threads.
 */
public final class TaskMetadataService implements AutoCloseable {

  /**
   * What to answer.
   *
   * @param body a {@link MetadataShapes} record, a {@code Map} of stats, or a {@code String}, which the agent
   *     writes as a JSON string for errors
   */
  public record Answer(int status, Object body) {}

  private static final String NO_DOCKER_ID =
      "unable to get container ID from request: unable to get docker ID from v3 endpoint ID: ";
  private static final String NO_TASK_ARN =
      "unable to get task arn from request: unable to get task Arn from v3 endpoint ID: ";

  private final StateStore store;
  private final EndpointIndex index;
  private final DockerFacts docker;
  private final TaskCredentials credentials;
  private final NetworkRates rates = new NetworkRates();
  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService statsThreads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "ecs-task-endpoint-stats");
    thread.setDaemon(true);
    return thread;
  });

  public TaskMetadataService(StateStore store, EndpointIndex index, DockerFacts docker, TaskCredentials credentials) {
    this.store = store;
    this.index = index;
    this.docker = docker;
    this.credentials = credentials;
    index.onForgotten(credentials::forget);
  }

  // ---- metadata ----

  /** {@code /v3/<id>}, {@code /v4/<id>}. */
  public Answer container(Version version, String endpointId) {
    Optional<Found> found = find(endpointId);
    String dockerId = found.map(f -> f.runtimeId(found.get().ref.containerName())).orElse(null);
    if (dockerId == null) {
      String reason = NO_DOCKER_ID + endpointId;
      return version == Version.V4 ? error(404, "V4 container metadata handler: " + reason)
          : error(500, "V3 container metadata handler: " + reason);
    }
    Found f = found.get();
    try {
      Map<String, ContainerFacts> facts = facts(f, f.ref.containerName()::equals);
      return MetadataResponses.container(version, new TaskSnapshot(f.task, f.definition, facts, null, null),
              f.ref.containerName())
          .map(response -> new Answer(200, response))
          .orElseGet(() -> containerFetchFailure(version, dockerId));
    } catch (RuntimeException engineDown) {
      return containerFetchFailure(version, dockerId);
    }
  }

  /** {@code /v3/<id>/task}, {@code /v4/<id>/task}, and {@code .../taskWithTags} when {@code withTags}. */
  public Answer task(Version version, String endpointId, boolean withTags) {
    Optional<Found> found = find(endpointId);
    if (found.isEmpty()) {
      String reason = NO_TASK_ARN + endpointId;
      return version == Version.V4 ? error(404, "V4 task metadata handler: " + reason)
          : error(500, "V3 task metadata handler: " + reason);
    }
    Found f = found.get();
    try {
      Map<String, ContainerFacts> facts = facts(f, name -> true);
      List<Tag> taskTags = null;
      List<Tag> instanceTags = null;
      if (withTags) {
        taskTags = store.read(f.ref.task().scope(), v -> ResourceTagging.get(v, f.task.taskArn()));
        String instance = f.task.containerInstanceArn();
        instanceTags = instance == null ? List.of()
            : store.read(f.ref.task().scope(), v -> ResourceTagging.get(v, instance));
      }
      return new Answer(200, MetadataResponses.task(version,
          new TaskSnapshot(f.task, f.definition, facts, taskTags, instanceTags)));
    } catch (RuntimeException engineDown) {
      return version == Version.V4 ? error(500, "Unable to generate metadata for v4 task: '" + f.task.taskArn() + "'")
          : error(500, "Unable to generate metadata for task: '" + f.task.taskArn() + "'");
    }
  }

  /** {@code /v3/<id>/stats}, {@code /v4/<id>/stats}: Docker's stats of the caller's container, one sample. */
  public Answer containerStats(Version version, String endpointId) {
    Optional<Found> found = find(endpointId);
    String dockerId = found.map(f -> f.runtimeId(found.get().ref.containerName())).orElse(null);
    if (dockerId == null) {
      String reason = found.isEmpty()
          ? NO_TASK_ARN + endpointId
          : NO_DOCKER_ID + endpointId;
      return version == Version.V4 ? error(404, "V4 container stats handler: " + reason)
          : error(400, "V3 container stats handler: " + reason);
    }
    Found f = found.get();
    JsonNode stats = stats(version, f, dockerId, taskNetworks(version, f));
    if (stats == null) {
      return error(version == Version.V4 ? 500 : 400, "Unable to get container stats for: " + dockerId);
    }
    return new Answer(200, stats);
  }

  /**
   * {@code /v3/<id>/task/stats}, {@code /v4/<id>/task/stats}: every container's stats by Docker ID (the awsvpc
   * sandbox's too on EC2, as the agent's map includes its pause container). A container whose stats cannot be
   * read maps to {@code {}} in v4 and {@code null} in v3, as the agent answers.
   */
  public Answer taskStats(Version version, String endpointId) {
    Optional<Found> found = find(endpointId);
    if (found.isEmpty()) {
      String reason = NO_TASK_ARN + endpointId;
      return version == Version.V4 ? error(404, "V4 task stats handler: " + reason)
          : error(400, "V3 task stats handler: " + reason);
    }
    Found f = found.get();
    List<String> ids = new ArrayList<>();
    containers(f.task).stream().map(Container::runtimeId).filter(id -> id != null).forEach(ids::add);
    String sandboxId = null;
    if (awsvpc(f.definition) && !"FARGATE".equals(f.task.launchType())) {
      sandboxId = sandboxFacts(f).map(ContainerFacts::dockerId).orElse(null);
      if (sandboxId != null) {
        ids.add(0, sandboxId);
      }
    }
    CompletableFuture<JsonNode> taskNetworks = taskNetworks(version, f);
    Map<String, CompletableFuture<JsonNode>> pending = new LinkedHashMap<>();
    for (String id : ids) {
      pending.put(id, CompletableFuture.supplyAsync(() -> stats(version, f, id, taskNetworks), statsThreads));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    pending.forEach((id, stats) -> {
      JsonNode value = stats.join();
      answer.put(id, value != null ? value : version == Version.V4 ? json.createObjectNode() : null);
    });
    return new Answer(200, answer);
  }

  // ---- credentials ----

  /**
   * {@code /v2/credentials/<id>} ({@code apiVersion} 2) and {@code /v1/credentials?id=<id>} (1): the task's
   * role credentials. A task without a role has none, as on ECS.
   */
  public Answer credentials(int apiVersion, String credentialsId) {
    String prefix = "CredentialsV" + apiVersion + "Request: ";
    if (credentialsId == null || credentialsId.isEmpty()) {
      return new Answer(400, new CredentialsError("NoIdInRequest", prefix + "No Credential ID in the request", 400));
    }
    Optional<TaskRef> ref = index.credentials(credentialsId);
    String role = ref.flatMap(r -> store.read(r.scope(), v -> v.get(TASK, r.key()).flatMap(task -> {
      Optional<String> key = TaskRecords.definitionKey(r.scope(), task.taskDefinitionArn());
      return key.flatMap(k -> v.get(TASK_DEFINITION, k))
          .map(definition -> ContainerSpecFactory.taskRoleArn(definition, task.overrides()));
    }))).filter(arn -> !arn.isBlank()).orElse(null);
    if (role == null) {
      return new Answer(400, new CredentialsError("InvalidIdInRequest", prefix + "Credentials not found", 400));
    }
    return new Answer(200, credentials.current(credentialsId, role));
  }

  // ---- reading ----

  /** The task, its definition and the container an endpoint ID names; empty when any is unknown. */
  private Optional<Found> find(String endpointId) {
    Optional<ContainerRef> ref = index.container(endpointId);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    TaskRef task = ref.get().task();
    return store.read(task.scope(), v -> v.get(TASK, task.key()).flatMap(t ->
        TaskRecords.definitionKey(task.scope(), t.taskDefinitionArn()).flatMap(k -> v.get(TASK_DEFINITION, k))
            .map(definition -> new Found(ref.get(), t, definition))));
  }

  private record Found(ContainerRef ref, Task task, TaskDefinition definition) {
    String runtimeId(String containerName) {
      return containers(task).stream().filter(c -> containerName.equals(c.name())).map(Container::runtimeId)
          .filter(id -> id != null).findFirst().orElse(null);
    }
  }

  /**
   * Docker's facts about the task's containers that {@code which} names and that Docker has, and about its
   * sandbox in awsvpc mode (whose address is the task's).
   */
  private Map<String, ContainerFacts> facts(Found f, java.util.function.Predicate<String> which) {
    Map<String, ContainerFacts> facts = new LinkedHashMap<>();
    for (Container container : containers(f.task)) {
      if (container.runtimeId() != null && which.test(container.name())) {
        docker.inspect(container.runtimeId()).ifPresent(c -> facts.put(container.name(), c));
      }
    }
    if (awsvpc(f.definition)) {
      sandboxFacts(f).ifPresent(c -> facts.put(AgentLabels.PAUSE_CONTAINER_NAME, c));
    }
    return facts;
  }

  /** The task's sandbox, found by the name the runtime gives it. */
  private Optional<ContainerFacts> sandboxFacts(Found f) {
    int revision = f.definition.revision() == null ? 1 : f.definition.revision();
    return docker.inspect(AgentLabels.dockerName(f.definition.family(), revision, AgentLabels.PAUSE_CONTAINER_NAME,
        f.task.taskArn()));
  }

  /**
   * v4 in awsvpc mode: the sandbox's stats, whose interfaces are the task's, read while the containers' own
   * are (each takes Docker about a second); else nothing.
   */
  private CompletableFuture<JsonNode> taskNetworks(Version version, Found f) {
    return version == Version.V4 && awsvpc(f.definition)
        ? CompletableFuture.supplyAsync(() -> sandboxStats(f), statsThreads)
        : CompletableFuture.completedFuture(null);
  }

  /** The sandbox's stats; null when unreadable. */
  private JsonNode sandboxStats(Found f) {
    try {
      return sandboxFacts(f).map(s -> read(s.dockerId())).orElse(null);
    } catch (RuntimeException engineDown) {
      return null;
    }
  }

  /**
   * One container's stats as the endpoint answers them; null when they cannot be read. v4 adds
   * {@code network_rate_stats} in bridge and awsvpc modes; in awsvpc mode the interfaces (and rates) are the
   * task's, read from its sandbox ({@code sandbox}), as the agent reports them.
   */
  private JsonNode stats(Version version, Found f, String dockerId, CompletableFuture<JsonNode> sandbox) {
    JsonNode raw;
    try {
      if (docker.inspect(dockerId).isEmpty()) {
        return null;
      }
      raw = read(dockerId);
    } catch (RuntimeException e) {
      return null;
    }
    if (!(raw instanceof ObjectNode stats) || version == Version.V3) {
      return raw;
    }
    String mode = ContainerSpecFactory.networkMode(f.definition);
    JsonNode taskNetworks = sandbox.join();
    JsonNode source = stats;
    String rateKey = dockerId;
    if ("awsvpc".equals(mode) && taskNetworks != null) {
      if (taskNetworks.has("networks")) {
        stats.set("networks", taskNetworks.get("networks"));
      }
      source = taskNetworks;
      rateKey = taskNetworks.path("id").asText(dockerId);
    }
    if ("bridge".equals(mode) || "awsvpc".equals(mode)) {
      NetworkRates.Rates rate = rates.next(rateKey + "/" + dockerId, totals(source));
      ObjectNode node = stats.putObject("network_rate_stats");
      node.put("rx_bytes_per_sec", GoJson.float64(rate.rxBytesPerSec()));
      node.put("tx_bytes_per_sec", GoJson.float64(rate.txBytesPerSec()));
    }
    return stats;
  }

  private JsonNode read(String dockerId) {
    try {
      return json.readTree(docker.stats(dockerId));
    } catch (IOException e) {
      return null;
    }
  }

  private static NetworkRates.Totals totals(JsonNode stats) {
    long rx = 0;
    long tx = 0;
    for (JsonNode network : stats.path("networks")) {
      rx += network.path("rx_bytes").asLong();
      tx += network.path("tx_bytes").asLong();
    }
    java.time.Instant read = null;
    try {
      read = OffsetDateTime.parse(stats.path("read").asText()).toInstant();
    } catch (RuntimeException unreadable) {
      // no time: no rate
    }
    return new NetworkRates.Totals(read, rx, tx);
  }

  private static Answer containerFetchFailure(Version version, String dockerId) {
    return version == Version.V4 ? error(500, "unable to generate metadata for container '" + dockerId + "'")
        : error(500, "Unable to generate metadata for container '" + dockerId + "'");
  }

  private static Answer error(int status, String message) {
    return new Answer(status, message);
  }

  private static boolean awsvpc(TaskDefinition definition) {
    return "awsvpc".equals(ContainerSpecFactory.networkMode(definition));
  }

  private static List<Container> containers(Task task) {
    return task.containers() == null ? List.of() : task.containers();
  }

  @Override
  public void close() {
    statsThreads.shutdownNow();
  }
}
