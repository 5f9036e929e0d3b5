package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.container;
import static dev.ecsemulator.api.tasks.TaskFixtures.docker;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * something outside. Before any container (or this JVM) sends there, {@link #requireLocalEndpoint} checks that
 * the emulator's labelled endpoint network exists and that the address is this machine's, and fails the test
 * without sending otherwise. The extension resets the emulator after each test, pass or fail, which removes the
 * task containers and the endpoint network.
 */
class TaskMetadataContainersTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ROLE = "arn:aws:iam::000000000000:role/metadata-test";

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
    requireLocalEndpoint();

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

  /**
   * Fails the test, before anything is sent to 169.254.170.2, unless the emulator's labelled endpoint network
   * holds that address on this machine and the emulator says it serves there.
   */
  static void requireLocalEndpoint() throws IOException {
    List<Network> networks = docker().listNetworksCmd()
        .withFilter("label", List.of("ecs-emulator.managed=true", "ecs-emulator.role=task-endpoint")).exec();
    boolean held = networks.stream().anyMatch(n -> n.getIpam() != null && n.getIpam().getConfig() != null
        && n.getIpam().getConfig().stream().anyMatch(c -> "169.254.170.2".equals(c.getGateway())));
    if (!held || NetworkInterface.getByInetAddress(InetAddress.getByName("169.254.170.2")) == null) {
      fail("no emulator network holds 169.254.170.2 on this machine: nothing was sent there");
    }
    JsonNode health = JSON.readTree(emulator.get("/_emulator/health").body()).get("taskEndpoint");
    if (!health.get("serving").asBoolean()) {
      fail("the emulator does not serve the task endpoint: " + health);
    }
  }

  /** Runs {@code script} with {@code sh -c} in the container (its environment included); stdout and stderr. */
  static String exec(String containerId, String script) throws InterruptedException {
    String execId = docker().execCreateCmd(containerId).withCmd("sh", "-c", script)
        .withAttachStdout(true).withAttachStderr(true).exec().getId();
    StringBuilder out = new StringBuilder();
    boolean done = docker().execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
      @Override
      public void onNext(Frame frame) {
        out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
      }
    }).awaitCompletion(60, TimeUnit.SECONDS);
    assertThat(done).as("exec finished: " + script).isTrue();
    return out.toString();
  }

  static JsonNode json(String text) throws IOException {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  static List<String> names(JsonNode containers) {
    List<String> names = new ArrayList<>();
    containers.forEach(c -> names.add(c.get("Name").asText()));
    return names;
  }

  static Set<String> fields(JsonNode node) {
    Set<String> names = new java.util.LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
