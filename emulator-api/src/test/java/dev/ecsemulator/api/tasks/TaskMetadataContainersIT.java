package dev.ecsemulator.api.tasks;

import org.junit.jupiter.api.parallel.Isolated;
import static dev.ecsemulator.api.tasks.TaskEndpointProbe.exec;
import static dev.ecsemulator.api.tasks.TaskEndpointProbe.fields;
import static dev.ecsemulator.api.tasks.TaskEndpointProbe.json;
import static dev.ecsemulator.api.tasks.TaskEndpointProbe.names;
import static dev.ecsemulator.api.tasks.TaskEndpointProbe.requireLocalEndpoint;
import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.container;
import static dev.ecsemulator.api.tasks.TaskFixtures.docker;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The task metadata (v3, v4) and credentials endpoints, read from inside real task containers with the
 * sample image's busybox {@code wget}, in bridge, awsvpc and host network modes.
 *
 * <p>Safety: on some machines a request to 169.254.170.2 that does not stay on the machine is answered by
 * something outside. Before any container (or this JVM) sends there, {@link TaskEndpointProbe#requireLocalEndpoint}
 * checks that the emulator's labelled endpoint network exists and that the address is this machine's, and fails
 * the test without sending otherwise. The extension resets the emulator after each test, pass or fail, which
 * removes the task containers and the endpoint network.
 */
// Alone: the task endpoint is one address on the machine (169.254.170.2:80), and one emulator at a time serves it.
@Isolated
class TaskMetadataContainersIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final String ROLE = "arn:aws:iam::000000000000:role/metadata-test";
  static final String ECHO_RELATIVE_URI = "echo \"$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI\"";

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  @Test
  void aBridgeTaskReadsItsContainerTaskAndStats() throws Exception {
    String td = ecs.registerTaskDefinition(b -> b.family("meta-bridge").cpu("256").memory("512")
        .containerDefinitions(web("app", 64), web("side", 64))).taskDefinition().taskDefinitionArn();
    Task task = awaitStatus(ecs, run(td, null).taskArn(), "RUNNING");
    String appId = container(task, "app").runtimeId();
    requireLocalEndpoint(emulator);

    JsonNode self = json(exec(appId, "wget -q -O- \"$ECS_CONTAINER_METADATA_URI_V4\""));
    assertThat(self.get("DockerId").asText()).isEqualTo(appId);
    assertThat(self.get("Name").asText()).isEqualTo("app");
    assertThat(self.get("DockerName").asText()).matches("ecs-meta-bridge-1-app-[0-9a-f]{20}");
    assertThat(self.get("Image").asText()).isEqualTo(TaskFixtures.WEB_1);
    assertThat(self.get("ImageID").asText()).startsWith("sha256:");
    assertThat(self.get("Labels").get("com.amazonaws.ecs.task-arn").asText()).isEqualTo(task.taskArn());
    assertThat(self.get("DesiredStatus").asText()).isEqualTo("RUNNING");
    assertThat(self.get("KnownStatus").asText()).isEqualTo("RUNNING");
    assertThat(self.get("Limits").toString()).isEqualTo("{\"CPU\":2,\"Memory\":64}");
    assertThat(self.get("Type").asText()).isEqualTo("NORMAL");
    assertThat(Instant.parse(self.get("StartedAt").asText())).isBefore(Instant.now().plusSeconds(1));
    String ip = docker().inspectContainerCmd(appId).exec().getNetworkSettings().getNetworks().get("bridge")
        .getIpAddress();
    assertThat(self.get("Networks").toString())
        .isEqualTo("[{\"NetworkMode\":\"bridge\",\"IPv4Addresses\":[\"" + ip + "\"]}]");
    assertThat(self.get("Ports").get(0).get("HostPort").asInt())
        .isEqualTo(container(task, "app").networkBindings().get(0).hostPort());

    JsonNode meta = json(exec(appId, "wget -q -O- \"$ECS_CONTAINER_METADATA_URI_V4/task\""));
    assertThat(meta.get("TaskARN").asText()).isEqualTo(task.taskArn());
    assertThat(meta.get("Cluster").asText()).isEqualTo("default");
    assertThat(meta.get("Family").asText()).isEqualTo("meta-bridge");
    assertThat(meta.get("Revision").asText()).isEqualTo("1");
    assertThat(meta.get("DesiredStatus").asText()).isEqualTo("RUNNING");
    assertThat(meta.get("KnownStatus").asText()).isEqualTo("RUNNING");
    assertThat(meta.get("LaunchType").asText()).isEqualTo("EC2");
    assertThat(meta.get("Limits").toString()).isEqualTo("{\"CPU\":0.25,\"Memory\":512}");
    assertThat(meta.get("AvailabilityZone").asText()).isEqualTo(task.availabilityZone());
    assertThat(Instant.parse(meta.get("PullStartedAt").asText()).truncatedTo(ChronoUnit.MILLIS))
        .as("the API gives milliseconds, the endpoint (as Go) nanoseconds").isEqualTo(task.pullStartedAt());
    assertThat(names(meta.get("Containers"))).containsExactlyInAnyOrder("app", "side");

    JsonNode stats = json(exec(appId, "wget -q -O- \"$ECS_CONTAINER_METADATA_URI_V4/stats\""));
    assertThat(stats.get("id").asText()).isEqualTo(appId);
    assertThat(fields(stats)).contains("read", "preread", "cpu_stats", "precpu_stats", "memory_stats", "networks",
        "network_rate_stats");
    assertThat(stats.get("memory_stats").get("limit").asLong()).isEqualTo(64L * 1024 * 1024);
    assertThat(fields(stats.get("network_rate_stats"))).containsExactly("rx_bytes_per_sec", "tx_bytes_per_sec");

    JsonNode taskStats = json(exec(appId, "wget -q -O- \"$ECS_CONTAINER_METADATA_URI_V4/task/stats\""));
    assertThat(fields(taskStats)).containsExactlyInAnyOrder(appId, container(task, "side").runtimeId());
    assertThat(taskStats.get(container(task, "side").runtimeId()).has("cpu_stats")).isTrue();

    JsonNode v3 = json(exec(appId, "wget -q -O- \"$ECS_CONTAINER_METADATA_URI/task\""));
    assertThat(v3.get("TaskARN").asText()).isEqualTo(task.taskArn());
    assertThat(v3.has("LaunchType")).isFalse();
    JsonNode v3Stats = json(exec(appId, "wget -q -O- \"$ECS_CONTAINER_METADATA_URI/stats\""));
    assertThat(v3Stats.has("network_rate_stats")).as("v3 passes Docker's stats as they are").isFalse();

    assertThat(exec(appId, "echo \"${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI-none}\"").trim())
        .as("a task without a role gets no credentials URI").isEqualTo("none");
  }

  @Test
  void anAwsvpcTaskSeesItsEniAndOnEc2ItsPauseContainer() throws Exception {
    String td = ecs.registerTaskDefinition(b -> b.family("meta-vpc").networkMode(NetworkMode.AWSVPC)
        .requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.EC2,
            software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
        .cpu("256").memory("512").containerDefinitions(web("app", 64))).taskDefinition().taskDefinitionArn();
    Task ec2 = run(td, b -> b.networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
    Task fargate = run(td, b -> b.launchType(LaunchType.FARGATE)
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
    ec2 = awaitStatus(ecs, ec2.taskArn(), "RUNNING");
    fargate = awaitStatus(ecs, fargate.taskArn(), "RUNNING");
    requireLocalEndpoint(emulator);

    String appId = container(ec2, "app").runtimeId();
    String ip = container(ec2, "app").networkInterfaces().get(0).privateIpv4Address();
    JsonNode meta = json(exec(appId, "wget -q -O- \"$ECS_CONTAINER_METADATA_URI_V4/task\""));
    assertThat(meta.get("TaskARN").asText()).isEqualTo(ec2.taskArn());
    assertThat(names(meta.get("Containers"))).containsExactly("~internal~ecs~pause", "app");
    assertThat(meta.get("Containers").get(0).get("Type").asText()).isEqualTo("CNI_PAUSE");
    JsonNode network = meta.get("Containers").get(1).get("Networks").get(0);
    assertThat(network.get("NetworkMode").asText()).isEqualTo("awsvpc");
    assertThat(network.get("IPv4Addresses").toString()).isEqualTo("[\"" + ip + "\"]");
    assertThat(network.get("AttachmentIndex").asInt()).isZero();
    assertThat(network.get("MACAddress").asText()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    assertThat(network.get("IPv4SubnetCIDRBlock").asText()).endsWith("/16");
    JsonNode stats = json(exec(appId, "wget -q -O- \"$ECS_CONTAINER_METADATA_URI_V4/stats\""));
    assertThat(stats.get("networks").has("eth0")).as("the task's interfaces, from its sandbox").isTrue();
    assertThat(stats.has("network_rate_stats")).isTrue();
    JsonNode taskStats = json(exec(appId, "wget -q -O- \"$ECS_CONTAINER_METADATA_URI_V4/task/stats\""));
    assertThat(taskStats.size()).as("the app and the pause container").isEqualTo(2);
    assertThat(taskStats.has(appId)).isTrue();

    String fargateId = container(fargate, "app").runtimeId();
    JsonNode onFargate = json(exec(fargateId, "wget -q -O- \"$ECS_CONTAINER_METADATA_URI_V4/task\""));
    assertThat(onFargate.get("TaskARN").asText()).isEqualTo(fargate.taskArn());
    assertThat(onFargate.get("LaunchType").asText()).isEqualTo("FARGATE");
    assertThat(onFargate.get("Cluster").asText()).as("Fargate names the cluster by ARN")
        .isEqualTo(fargate.clusterArn());
    assertThat(names(onFargate.get("Containers"))).containsExactly("app");
  }

  @Test
  void aHostModeTaskReachesTheEndpointOnTheHostsOwnAddress() throws Exception {
    ContainerDefinition quiet = ContainerDefinition.builder().name("app").image(TaskFixtures.WEB_1).memory(32)
        .entryPoint("sh", "-c").command("trap 'exit 0' TERM; sleep 3600 & wait").build();
    String td = ecs.registerTaskDefinition(b -> b.family("meta-host").networkMode(NetworkMode.HOST)
        .containerDefinitions(quiet)).taskDefinition().taskDefinitionArn();
    Task task = awaitStatus(ecs, run(td, null).taskArn(), "RUNNING");
    requireLocalEndpoint(emulator);

    JsonNode self = json(exec(container(task, "app").runtimeId(), "wget -q -O- \"$ECS_CONTAINER_METADATA_URI_V4\""));

    assertThat(self.get("Name").asText()).isEqualTo("app");
    assertThat(self.get("Networks").get(0).get("NetworkMode").asText()).isEqualTo("host");
  }

  @Test
  void aTaskWithARoleGetsCredentialsAndNoTaskCanGuessAnothersPath() throws Exception {
    String withRole = ecs.registerTaskDefinition(b -> b.family("meta-role").taskRoleArn(ROLE)
        .containerDefinitions(web("app", 64))).taskDefinition().taskDefinitionArn();
    String without = ecs.registerTaskDefinition(b -> b.family("meta-norole")
        .containerDefinitions(web("app", 64))).taskDefinition().taskDefinitionArn();
    Task one = run(withRole, null);
    Task two = run(withRole, null);
    Task other = run(without, null);
    one = awaitStatus(ecs, one.taskArn(), "RUNNING");
    two = awaitStatus(ecs, two.taskArn(), "RUNNING");
    other = awaitStatus(ecs, other.taskArn(), "RUNNING");
    requireLocalEndpoint(emulator);
    String oneId = container(one, "app").runtimeId();

    String relative = exec(oneId, ECHO_RELATIVE_URI).trim();
    assertThat(relative).matches("/v2/credentials/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    JsonNode credentials = json(exec(oneId,
        "wget -q -O- \"http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI\""));
    assertThat(fields(credentials)).containsExactly("RoleArn", "AccessKeyId", "SecretAccessKey", "Token", "Expiration");
    assertThat(credentials.get("RoleArn").asText()).isEqualTo(ROLE);
    assertThat(credentials.get("AccessKeyId").asText()).matches("ASIA[A-Z2-7]{16}");
    assertThat(credentials.get("SecretAccessKey").asText()).hasSize(40);
    assertThat(credentials.get("Token").asText()).isNotBlank();
    assertThat(Instant.parse(credentials.get("Expiration").asText())).isAfter(Instant.now().plusSeconds(5 * 3600));

    String twoRelative = exec(container(two, "app").runtimeId(), ECHO_RELATIVE_URI).trim();
    assertThat(twoRelative).as("each task has its own credentials path").isNotEqualTo(relative);
    String otherId = container(other, "app").runtimeId();
    assertThat(exec(otherId, "echo \"${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI-none}\"").trim()).isEqualTo("none");
    // A guess (here: the name-based UUID of the ARN, what a predictable scheme would give) is refused.
    String guess = java.util.UUID.nameUUIDFromBytes(one.taskArn().getBytes(StandardCharsets.UTF_8)).toString();
    String refused = exec(otherId, "printf 'GET /v2/credentials/" + guess
        + " HTTP/1.0\\r\\nHost: 169.254.170.2\\r\\n\\r\\n' | nc 169.254.170.2 80");
    assertThat(refused).startsWith("HTTP/1.1 400").endsWith("{\"code\":\"InvalidIdInRequest\","
        + "\"message\":\"CredentialsV2Request: Credentials not found\",\"HTTPErrorCode\":400}");
  }

  @Test
  void theJavaSdkAndBoto3ContainerProvidersTakeTheCredentials() throws Exception {
    String td = ecs.registerTaskDefinition(b -> b.family("meta-sdk").taskRoleArn(ROLE)
        .containerDefinitions(web("app", 64))).taskDefinition().taskDefinitionArn();
    Task task = awaitStatus(ecs, run(td, null).taskArn(), "RUNNING");
    requireLocalEndpoint(emulator);
    String relative = exec(container(task, "app").runtimeId(), ECHO_RELATIVE_URI).trim();

    // The SDK's own provider, unchanged, reading the relative URI (here from its system property, as this JVM is
    // no task container): it fetches http://169.254.170.2<relative URI> and parses the answer.
    String before = System.getProperty("aws.containerCredentialsPath");
    System.setProperty("aws.containerCredentialsPath", relative);
    try (var provider = software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider.builder().build()) {
      var resolved = (software.amazon.awssdk.auth.credentials.AwsSessionCredentials) provider.resolveCredentials();
      assertThat(resolved.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
      assertThat(resolved.sessionToken()).isNotBlank();
      assertThat(resolved.expirationTime()).hasValueSatisfying(t -> assertThat(t).isAfter(Instant.now()));
    } finally {
      if (before == null) {
        System.clearProperty("aws.containerCredentialsPath");
      } else {
        System.setProperty("aws.containerCredentialsPath", before);
      }
    }

    // boto3's ContainerProvider, when this machine has it.
    ProcessBuilder python = new ProcessBuilder("python3", "-c", "import boto3\n"
        + "c = boto3.Session().get_credentials().get_frozen_credentials()\n"
        + "print(c.access_key, bool(c.token))").redirectErrorStream(true);
    python.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    python.environment().put("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", relative);
    python.environment().put("AWS_CONFIG_FILE", "/dev/null");
    python.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    Process process;
    try {
      process = python.start();
    } catch (IOException noPython) {
      return; // no python3 here: the Java SDK above stands for the SDKs
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    org.junit.jupiter.api.Assumptions.assumeFalse(out.contains("No module named 'boto3'"), "boto3 is not installed");
    assertThat(out).matches("ASIA[A-Z2-7]{16} True");
  }

  // ---- helpers ----

  static Task run(String taskDefinition, java.util.function.Consumer<RunTaskRequest.Builder> more) {
    var response = ecs.runTask(b -> {
      b.taskDefinition(taskDefinition);
      if (more != null) {
        more.accept(b);
      }
    });
    assertThat(response.failures()).isEmpty();
    return response.tasks().get(0);
  }
}
