package dev.ecsemulator.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.metadata.DockerFacts;
import dev.ecsemulator.scheduler.metadata.EndpointIndex;
import dev.ecsemulator.scheduler.metadata.TaskCredentials;
import dev.ecsemulator.scheduler.metadata.TaskMetadataService;
import dev.ecsemulator.scheduler.runtime.EndpointIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task endpoint's server over HTTP on loopback, port 0, with tasks in a store and no Docker engine: the
 * routes, the agent's error answers, and credentials (which need no container).
 */
class TaskMetadataServerTest {

  private static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  private static final String ROLE = "arn:aws:iam::000000000000:role/app";
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final EndpointIds ids = EndpointIds.random();
  private StateStore store;
  private TaskMetadataServer server;
  private int port;

  @BeforeEach
  void start() {
    store = new InMemoryStateStore(dev.ecsemulator.core.state.KindRegistry.of(EcsKinds.all()));
    seed("withrole", ROLE);
    seed("norole", null);
    TaskMetadataService service = new TaskMetadataService(store, EndpointIndex.of(store, ids),
        new DockerFacts(new DockerEngine("unix:///nonexistent.sock"),
            EmulatorInstance.forDataDir(Path.of("/tmp/metadata-server-test"))),
        new TaskCredentials(Clock.systemUTC()));
    server = new TaskMetadataServer(service, new TaskCallers(List::of, Clock.systemUTC()));
    port = server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aTaskWithARoleGetsItsCredentialsAtV2AndV1() throws Exception {
    String id = ids.credentials(arn("withrole"));

    HttpResponse<String> v2 = get("/v2/credentials/" + id);
    HttpResponse<String> v1 = get("/v1/credentials?id=" + id);

    assertThat(v2.statusCode()).isEqualTo(200);
    assertThat(v2.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode credentials = json.readTree(v2.body());
    assertThat(credentials.get("RoleArn").asText()).isEqualTo(ROLE);
    assertThat(json.readTree(v1.body()).get("AccessKeyId").asText())
        .as("the same set, until it is renewed").isEqualTo(credentials.get("AccessKeyId").asText());
  }

  @Test
  void credentialsErrorsAreTheAgents() throws Exception {
    HttpResponse<String> unknown = get("/v2/credentials/" + java.util.UUID.randomUUID());
    HttpResponse<String> noRole = get("/v2/credentials/" + ids.credentials(arn("norole")));
    HttpResponse<String> empty = get("/v2/credentials/");
    HttpResponse<String> v1Empty = get("/v1/credentials");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).isEqualTo("{\"code\":\"InvalidIdInRequest\","
        + "\"message\":\"CredentialsV2Request: Credentials not found\",\"HTTPErrorCode\":400}");
    assertThat(noRole.body()).isEqualTo(unknown.body());
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).isEqualTo("{\"code\":\"NoIdInRequest\","
        + "\"message\":\"CredentialsV2Request: No Credential ID in the request\",\"HTTPErrorCode\":400}");
    assertThat(v1Empty.body()).contains("CredentialsV1Request: No Credential ID in the request");
  }

  @Test
  void unknownEndpointIdsGetTheAgentsStatusAndWording() throws Exception {
    String id = "0c5b8d9e-7f00-4a1b-9c2d-3e4f5a6b7c8d";

    assertThat(answer("/v4/" + id)).isEqualTo("404 \"V4 container metadata handler: unable to get container ID from "
        + "request: unable to get docker ID from v3 endpoint ID: " + id + "\"");
    assertThat(answer("/v4/" + id + "/task")).isEqualTo("404 \"V4 task metadata handler: unable to get task arn "
        + "from request: unable to get task Arn from v3 endpoint ID: " + id + "\"");
    assertThat(answer("/v4/" + id + "/stats")).startsWith("404 \"V4 container stats handler: unable to get task arn");
    assertThat(answer("/v4/" + id + "/task/stats")).startsWith("404 \"V4 task stats handler: unable to get task arn");
    assertThat(answer("/v3/" + id)).startsWith("500 \"V3 container metadata handler: unable to get container ID");
    assertThat(answer("/v3/" + id + "/task")).startsWith("500 \"V3 task metadata handler: unable to get task arn");
    assertThat(answer("/v3/" + id + "/stats")).startsWith("400 \"V3 container stats handler: unable to get task arn");
    assertThat(answer("/v3/" + id + "/task/stats")).startsWith("400 \"V3 task stats handler: unable to get task arn");
  }

  @Test
  void aKnownContainerNotCreatedYetHasNoDockerId() throws Exception {
    String id = ids.container(arn("withrole"), "app");

    assertThat(answer("/v4/" + id)).startsWith("404 \"V4 container metadata handler: unable to get container ID");
  }

  @Test
  void anythingElseIsGosNotFound() throws Exception {
    for (String path : List.of("/", "/v2/metadata", "/v4", "/v5/x", "/v4/x/y", "/_emulator/health")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).isEqualTo("404 page not found\n");
    }
  }

  @Test
  void callersFromElsewhereAreRefused() {
    TaskCallers callers = new TaskCallers(() -> List.of("172.17.0.0/16"), Clock.systemUTC());

    assertThat(callers.allowed("127.0.0.1")).isTrue();
    assertThat(callers.allowed("169.254.170.2")).isTrue();
    assertThat(callers.allowed("172.17.0.5")).isTrue();
    assertThat(callers.allowed("192.168.1.20")).isFalse();
    assertThat(callers.allowed("not an address")).isFalse();
  }

  private String answer(String path) throws Exception {
    HttpResponse<String> response = get(path);
    return response.statusCode() + " " + response.body();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String arn(String id) {
    return "arn:aws:ecs:us-east-1:000000000000:task/default/" + id;
  }

  private void seed(String id, String role) {
    TaskDefinition definition = TaskDefinition.builder().family(id).revision(1).taskRoleArn(role)
        .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/" + id + ":1")
        .containerDefinitions(List.of(ContainerDefinition.builder().name("app").image("x").build())).build();
    Task task = Task.builder().taskArn(arn(id)).taskDefinitionArn(definition.taskDefinitionArn())
        .clusterArn("arn:aws:ecs:us-east-1:000000000000:cluster/default").desiredStatus("RUNNING")
        .lastStatus("PENDING").containers(List.of(Container.builder().name("app").build())).build();
    store.write(SCOPE, txn -> {
      txn.put(EcsKinds.TASK_DEFINITION, EcsKinds.taskDefinitionKey(id, 1), definition);
      txn.put(EcsKinds.TASK, "default/" + id, task);
      return null;
    });
  }
}
