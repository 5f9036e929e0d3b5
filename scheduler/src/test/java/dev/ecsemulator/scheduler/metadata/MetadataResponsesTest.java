package dev.ecsemulator.scheduler.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.model.Attachment;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.KeyValuePair;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.NetworkBinding;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.scheduler.metadata.ContainerFacts.HealthFacts;
import dev.ecsemulator.scheduler.metadata.ContainerFacts.MountFacts;
import dev.ecsemulator.scheduler.metadata.ContainerFacts.NetworkFacts;
import dev.ecsemulator.scheduler.metadata.MetadataResponses.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataResponsesTest {

  private static final String TASK_ARN = "arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef";
  private static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:000000000000:cluster/default";
  private static final Instant CREATED = Instant.parse("2026-12-07T10:00:00.123456780Z");
  private static final Instant STARTED = Instant.parse("2026-12-07T10:00:01Z");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aBridgeTaskReadsAsTheAgentWritesIt() {
    TaskSnapshot s = snapshot("bridge", "EC2", task("bridge", "EC2").cpu("512").memory("1024").build(), null);

    JsonNode task = json.valueToTree(MetadataResponses.task(Version.V4, s));

    assertThat(fieldNames(task)).containsExactly("Cluster", "TaskARN", "Family", "Revision", "DesiredStatus",
        "KnownStatus", "Limits", "PullStartedAt", "PullStoppedAt", "AvailabilityZone", "LaunchType", "Containers",
        "ServiceName", "FaultInjectionEnabled");
    assertThat(task.get("Cluster").asText()).isEqualTo("default");
    assertThat(task.get("Revision").isTextual()).isTrue();
    assertThat(task.get("Revision").asText()).isEqualTo("7");
    assertThat(task.get("KnownStatus").asText()).isEqualTo("RUNNING");
    assertThat(task.get("Limits").toString()).isEqualTo("{\"CPU\":0.5,\"Memory\":1024}");
    assertThat(task.get("PullStartedAt").asText()).isEqualTo("2026-12-07T09:59:59.5Z");
    assertThat(task.get("ServiceName").asText()).isEqualTo("web");
    assertThat(task.get("FaultInjectionEnabled").asBoolean()).isFalse();

    JsonNode app = task.get("Containers").get(0);
    assertThat(fieldNames(app)).containsExactly("DockerId", "Name", "DockerName", "Image", "ImageID", "Ports",
        "Labels", "DesiredStatus", "KnownStatus", "Limits", "CreatedAt", "StartedAt", "Type", "Health", "Volumes",
        "LogDriver", "LogOptions", "ContainerARN", "Networks");
    assertThat(app.get("Limits").toString()).isEqualTo("{\"CPU\":2,\"Memory\":128}");
    assertThat(fieldNames(app.get("Labels"))).as("sorted, as Go writes a map")
        .containsExactly("com.amazonaws.ecs.container-name", "com.amazonaws.ecs.task-arn", "team");
    assertThat(app.get("CreatedAt").asText()).isEqualTo("2026-12-07T10:00:00.12345678Z");
    assertThat(app.get("StartedAt").asText()).isEqualTo("2026-12-07T10:00:01Z");
    assertThat(app.get("Type").asText()).isEqualTo("NORMAL");
    assertThat(app.get("Ports").toString())
        .isEqualTo("[{\"ContainerPort\":8080,\"Protocol\":\"tcp\",\"HostPort\":32768,\"HostIp\":\"0.0.0.0\"}]");
    assertThat(app.get("Networks").toString())
        .isEqualTo("[{\"NetworkMode\":\"bridge\",\"IPv4Addresses\":[\"172.17.0.5\"]}]");
    assertThat(app.get("Health").toString())
        .isEqualTo("{\"status\":\"HEALTHY\",\"statusSince\":\"2026-12-07T10:00:05Z\",\"output\":\"ok\"}");
    assertThat(app.get("Volumes").toString())
        .isEqualTo("[{\"DockerName\":\"data\",\"Source\":\"/var/lib/docker/volumes/data/_data\",\"Destination\":\"/data\"}]");
    assertThat(app.get("LogOptions").toString()).isEqualTo("{\"awslogs-group\":\"/ecs/web\","
        + "\"awslogs-region\":\"us-east-1\",\"awslogs-stream\":\"web/app/0123456789abcdef0123456789abcdef\"}");
  }

  @Test
  void v3LeavesOutWhatOnlyV4Has() {
    TaskSnapshot s = snapshot("bridge", "EC2", task("bridge", "EC2").build(), null);

    JsonNode task = json.valueToTree(MetadataResponses.task(Version.V3, s));
    JsonNode app = json.valueToTree(MetadataResponses.container(Version.V3, s, "app").orElseThrow());

    assertThat(task.has("LaunchType")).isFalse();
    assertThat(task.has("ServiceName")).isFalse();
    assertThat(task.has("FaultInjectionEnabled")).isFalse();
    assertThat(task.has("Limits")).as("no task-level limits").isFalse();
    assertThat(app.has("LogDriver")).isFalse();
    assertThat(app.has("ContainerARN")).isFalse();
    assertThat(app.get("Ports").get(0).has("HostIp")).isFalse();
    assertThat(app.get("Name").asText()).isEqualTo("app");
  }

  @Test
  void anAwsvpcTaskOnEc2ListsItsSandboxFirstAndShowsTheEni() {
    Map<String, ContainerFacts> facts = new LinkedHashMap<>();
    facts.put("~internal~ecs~pause", new ContainerFacts("p".repeat(64), "ecs-web-7-internalecspause-aa", "sha256:p",
        CREATED, STARTED, null, Map.of("com.amazonaws.ecs.container-name", "~internal~ecs~pause"),
        List.of(new NetworkFacts("bridge", "172.17.0.9", "", "172.17.0.1", 16)), List.of(), null));
    TaskSnapshot s = snapshot("awsvpc", "EC2", task("awsvpc", "EC2").attachments(List.of(eni())).build(), facts);

    JsonNode task = json.valueToTree(MetadataResponses.task(Version.V4, s));

    JsonNode pause = task.get("Containers").get(0);
    assertThat(pause.get("Name").asText()).isEqualTo("~internal~ecs~pause");
    assertThat(pause.get("Type").asText()).isEqualTo("CNI_PAUSE");
    assertThat(pause.get("KnownStatus").asText()).isEqualTo("RESOURCES_PROVISIONED");
    assertThat(pause.get("ImageID").asText()).isEmpty();
    JsonNode network = task.get("Containers").get(1).get("Networks").get(0);
    assertThat(network.toString()).isEqualTo("{\"NetworkMode\":\"awsvpc\",\"IPv4Addresses\":[\"172.17.0.9\"],"
        + "\"AttachmentIndex\":0,\"MACAddress\":\"0a:1b:2c:3d:4e:5f\",\"IPv4SubnetCIDRBlock\":\"172.17.0.0/16\","
        + "\"PrivateDNSName\":\"ip-172-17-0-9.ec2.internal\",\"SubnetGatewayIpv4Address\":\"172.17.0.1/16\"}");
    assertThat(task.get("Containers").get(1).get("Ports").get(0).get("HostPort").asInt())
        .as("awsvpc: the host port is the container port").isEqualTo(8080);
  }

  @Test
  void fargateHidesTheSandboxAndNamesTheClusterByArn() {
    Map<String, ContainerFacts> facts = new LinkedHashMap<>();
    facts.put("~internal~ecs~pause", new ContainerFacts("p".repeat(64), "pause", "sha256:p", CREATED, STARTED,
        null, Map.of(), List.of(new NetworkFacts("bridge", "172.17.0.9", "", "172.17.0.1", 16)), List.of(), null));
    TaskSnapshot s = snapshot("awsvpc", "FARGATE", task("awsvpc", "FARGATE").attachments(List.of(eni())).build(), facts);

    JsonNode task = json.valueToTree(MetadataResponses.task(Version.V4, s));

    assertThat(task.get("Cluster").asText()).isEqualTo(CLUSTER_ARN);
    assertThat(task.get("Containers")).hasSize(1);
    assertThat(task.get("Containers").get(0).get("Name").asText()).isEqualTo("app");
  }

  @Test
  void aContainerDockerDoesNotHaveIsLeftOutAndThenTheTaskIsNotCreated() {
    Task pending = task("bridge", "EC2").lastStatus("PENDING").build();
    TaskSnapshot none = new TaskSnapshot(pending, definition("bridge"), Map.of(), null, null);

    assertThat(MetadataResponses.container(Version.V4, none, "app")).isEmpty();
    assertThat(MetadataResponses.task(Version.V4, none).knownStatus()).isEqualTo("NONE");
    assertThat(MetadataResponses.task(Version.V4, snapshot("bridge", "EC2", pending, null)).knownStatus())
        .isEqualTo("CREATED");
  }

  @Test
  void taskWithTagsCarriesBothSetsOfTags() {
    Task task = task("bridge", "EC2").build();
    Map<String, ContainerFacts> facts = Map.of("app", facts());
    TaskSnapshot s = new TaskSnapshot(task, definition("bridge"), facts,
        List.of(Tag.builder().key("team").value("web").build()), List.of());

    JsonNode answer = json.valueToTree(MetadataResponses.task(Version.V4, s));

    assertThat(answer.get("TaskTags").toString()).isEqualTo("{\"team\":\"web\"}");
    assertThat(answer.has("ContainerInstanceTags")).as("empty: left out, as Go's omitempty").isFalse();
  }

  @Test
  void goWritesTimesWithoutTrailingZerosAndFloatsWithoutAFraction() {
    assertThat(GoJson.time(Instant.parse("2020-10-02T00:43:06.312884650Z"))).isEqualTo("2020-10-02T00:43:06.31288465Z");
    assertThat(GoJson.time(Instant.parse("2020-10-02T00:43:06Z"))).isEqualTo("2020-10-02T00:43:06Z");
    assertThat(GoJson.timeToSecond(Instant.parse("2020-10-02T00:43:06.9Z"))).isEqualTo("2020-10-02T00:43:06Z");
    assertThat(GoJson.float64(2.0).toString()).isEqualTo("2");
    assertThat(GoJson.float64(0.25).toString()).isEqualTo("0.25");
    assertThat(GoJson.float64(1024).toString()).isEqualTo("1024");
  }

  // ---- fixtures ----

  private static TaskSnapshot snapshot(String mode, String launchType, Task task, Map<String, ContainerFacts> extra) {
    Map<String, ContainerFacts> facts = new LinkedHashMap<>();
    if (extra != null) {
      facts.putAll(extra);
    }
    facts.put("app", facts());
    return new TaskSnapshot(task, definition(mode), facts, null, null);
  }

  private static ContainerFacts facts() {
    return new ContainerFacts("a".repeat(64), "ecs-web-7-app-0123", "sha256:abc", CREATED, STARTED, null,
        Map.of("team", "web", "com.amazonaws.ecs.task-arn", TASK_ARN, "com.amazonaws.ecs.container-name", "app"),
        List.of(new NetworkFacts("bridge", "172.17.0.5", "", "172.17.0.1", 16)),
        List.of(new MountFacts("data", "/var/lib/docker/volumes/data/_data", "/data")),
        new HealthFacts(Instant.parse("2026-12-07T10:00:05Z"), 0, "ok"));
  }

  private static TaskDefinition definition(String mode) {
    ContainerDefinition app = ContainerDefinition.builder().name("app").image("ecs-emulator/sample-web:1")
        .healthCheck(HealthCheck.builder().command(List.of("CMD", "true")).build())
        .logConfiguration(LogConfiguration.builder().logDriver("awslogs").options(Map.of("awslogs-group", "/ecs/web",
            "awslogs-region", "us-east-1", "awslogs-stream-prefix", "web")).build())
        .build();
    return TaskDefinition.builder().family("web").revision(7).networkMode(mode).containerDefinitions(List.of(app))
        .build();
  }

  private static Task.Builder task(String mode, String launchType) {
    NetworkBinding binding = NetworkBinding.builder().bindIP("0.0.0.0").containerPort(8080).hostPort(32768)
        .protocol("tcp").build();
    Container app = Container.builder().name("app").image("ecs-emulator/sample-web:1").cpu("0").memory("128")
        .lastStatus("RUNNING").healthStatus("HEALTHY").runtimeId("a".repeat(64))
        .containerArn("arn:aws:ecs:us-east-1:000000000000:container/default/0123/app")
        .networkBindings(List.of(binding)).build();
    return Task.builder().taskArn(TASK_ARN).clusterArn(CLUSTER_ARN).launchType(launchType)
        .desiredStatus("RUNNING").lastStatus("RUNNING").group("service:web").availabilityZone("us-east-1a")
        .pullStartedAt(Instant.parse("2026-12-07T09:59:59.5Z")).pullStoppedAt(Instant.parse("2026-12-07T10:00:00Z"))
        .containers(List.of(app));
  }

  private static Attachment eni() {
    return Attachment.builder().type("ElasticNetworkInterface").details(List.of(
        KeyValuePair.builder().name("macAddress").value("0a:1b:2c:3d:4e:5f").build(),
        KeyValuePair.builder().name("privateDnsName").value("ip-172-17-0-9.ec2.internal").build(),
        KeyValuePair.builder().name("privateIPv4Address").value("172.17.0.9").build())).build();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
