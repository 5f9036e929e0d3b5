package dev.ecsemulator.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.runtime.ContainerSpecFactory;
import dev.ecsemulator.scheduler.runtime.LaunchContext;
import dev.ecsemulator.scheduler.runtime.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Amazon ECS under the fuzz: two clusters, an EC2 and a Fargate family and a service; valid requests for nine
 * operations (RegisterTaskDefinition with most of a container definition, a Fargate RunTask with overrides,
 * CreateService, ...). Settled when no task is between statuses; read back when every cluster, task definition, service
 * and task is described, and every task definition, alone and with each of its tasks' overrides, can be mapped to
 * containers by the scheduler (what the API accepts, the scheduler can run).
 */
final class EcsFixture implements ServiceFixture {

  static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  static final String NETWORK = "\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}";

  /** Valid requests. */
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

  private final ObjectMapper json = new ObjectMapper();

  EcsFixture(NamePool names) {
    List.of("default", "fuzz-c").forEach(name -> names.add("cluster", name));
    List.of("fuzz-web", "fuzz-web:1", "fuzz-fargate").forEach(name -> names.add("task-definition", name));
    List.of("fuzz-web", "fuzz-fargate").forEach(name -> names.add("family", name));
    names.add("service", "fuzz-s");
    // Values of members the fixture does not classify, which the generator picks now and then
    names.add("setting", "containerInsights");
    names.add("setting", "FARGATE");
  }

  @Override
  public List<Call> setUp() {
    return List.of(new Call("CreateCluster", "{}"),
        new Call("CreateCluster", "{\"clusterName\":\"fuzz-c\"}"),
        new Call("RegisterTaskDefinition", SEEDS.get("RegisterTaskDefinition")),
        new Call("RegisterTaskDefinition", "{\"family\":\"fuzz-fargate\",\"requiresCompatibilities\":[\"FARGATE\"],"
            + "\"networkMode\":\"awsvpc\",\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":[{\"name\":\"app\","
            + "\"image\":\"ecs-emulator/sample-web:1\",\"portMappings\":[{\"containerPort\":8080}]}]}"),
        new Call("CreateService", SEEDS.get("CreateService")));
  }

  @Override
  public ObjectNode seed(String operation) {
    String seed = SEEDS.get(operation);
    try {
      return seed == null ? null : (ObjectNode) json.readTree(seed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String kindOf(String member) {
    String name = member.toLowerCase(Locale.ROOT);
    if (name.contains("cluster")) {
      return "cluster";
    }
    if (name.contains("taskdefinition")) {
      return "task-definition";
    }
    if (name.contains("family")) {
      return "family";
    }
    if (name.contains("containerinstance")) {
      return "container-instance";
    }
    if (name.equals("service") || name.equals("services") || name.equals("servicename") || name.equals("servicearn")
        || name.equals("servicearns")) {
      return "service";
    }
    if (name.equals("task") || name.equals("tasks") || name.equals("taskarn") || name.equals("taskarns")) {
      return "task";
    }
    return name.contains("arn") ? NamePool.ARN : null;
  }

  /** No task is left between statuses: each ends RUNNING or STOPPED (with no engine: STOPPED) within 2 minutes. */
  @Override
  public void awaitSettled(StateStore store) {
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      List<Task> tasks = store.read(SCOPE, v -> v.list(EcsKinds.TASK));
      assertThat(tasks).as("tasks between statuses").allSatisfy(t -> assertThat(t.lastStatus()).isIn("RUNNING", "STOPPED"));
    });
  }

  @Override
  public void checkReadable(StateStore store, WireClient client, List<String> failures) {
    Reads reads = new Reads(client, failures);
    store.read(SCOPE, v -> v.list(EcsKinds.CLUSTER)).forEach(c -> reads.expect200("DescribeClusters",
        Reads.body("clusters", List.of(c.clusterArn()),
            "include", List.of("TAGS", "SETTINGS", "CONFIGURATIONS", "STATISTICS", "ATTACHMENTS"))));
    store.read(SCOPE, v -> v.list(EcsKinds.TASK_DEFINITION)).forEach(td -> reads.expect200("DescribeTaskDefinition",
        Reads.body("taskDefinition", td.taskDefinitionArn(), "include", List.of("TAGS"))));
    store.read(SCOPE, v -> v.list(EcsKinds.SERVICE)).forEach(s -> reads.expect200("DescribeServices",
        Reads.body("cluster", s.clusterArn(), "services", List.of(s.serviceArn()), "include", List.of("TAGS"))));
    store.read(SCOPE, v -> v.list(EcsKinds.TASK)).forEach(t -> reads.expect200("DescribeTasks",
        Reads.body("cluster", t.clusterArn(), "tasks", List.of(t.taskArn()), "include", List.of("TAGS"))));
    everyDefinitionMappable(store, failures);
  }

  /**
   * What the API accepted, the scheduler can map to containers: every stored task definition, alone and with the
   * overrides of each stored task that uses it, through the container mapping a launch uses.
   */
  private static void everyDefinitionMappable(StateStore store, List<String> failures) {
    ContainerSpecFactory specs = new ContainerSpecFactory();
    List<Task> tasks = store.read(SCOPE, v -> v.list(EcsKinds.TASK));
    for (TaskDefinition definition : store.read(SCOPE, v -> v.list(EcsKinds.TASK_DEFINITION))) {
      List<TaskOverride> overrides = new ArrayList<>();
      overrides.add(null);
      tasks.stream().filter(t -> definition.taskDefinitionArn().equals(t.taskDefinitionArn()))
          .forEach(t -> overrides.add(t.overrides()));
      for (TaskOverride override : overrides) {
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
          failures.add("stored task definition the scheduler cannot map: " + definition.taskDefinitionArn() + " with "
              + override + ": " + e);
        }
      }
    }
  }
}
