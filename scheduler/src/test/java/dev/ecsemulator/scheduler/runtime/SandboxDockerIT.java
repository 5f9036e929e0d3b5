package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.scheduler.runtime.ObservedContainer.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * awsvpc tasks on the real engine: the sandbox runs the emulator's own pause program (no pull), holds the
 * task's network namespace and cgroup; the task's containers talk over localhost, are reachable on the
 * sandbox's IP and on dynamic ports of the bind address, and share the task's memory limit.
 */
class SandboxDockerIT {

  static final DockerHarness harness = new DockerHarness();
  final DockerContainerRuntime runtime = harness.runtime;

  @AfterEach
  void removeContainers() {
    harness.removeContainersAndVolumes();
  }

  @AfterAll
  static void close() {
    harness.close();
  }

  /** Runs the task: sandbox, then every container in it; returns the sandbox. */
  Sandbox launch(TaskDefinition definition, LaunchContext context, List<String> ids) {
    Sandbox sandbox = runtime.createSandbox(harness.factory.sandbox(definition, null, context).orElseThrow());
    LaunchContext running = context.withSandbox(sandbox);
    for (ContainerDefinition container : definition.containerDefinitions()) {
      String id = runtime.createContainer(harness.factory.container(definition, container, null, running));
      runtime.startContainer(id);
      ids.add(id);
    }
    return sandbox;
  }

  @Test
  void theSandboxRunsTheEmulatorsOwnProgramWithoutAnyPullAndStopsAtOnce() {
    TaskDefinition definition = Fixtures.task("awsvpc", Fixtures.container("web").build());
    LaunchContext context = harness.context("FARGATE");

    Sandbox sandbox = runtime.createSandbox(harness.factory.sandbox(definition, null, context).orElseThrow());

    InspectContainerResponse inspect = harness.inspect(sandbox.id());
    assertThat(inspect.getState().getRunning()).isTrue();
    assertThat(inspect.getConfig().getImage()).isEqualTo(runtime.pauseImageTag())
        .startsWith(harness.pauseRepository + ":amd64-");
    assertThat(inspect.getConfig().getEntrypoint()).containsExactly("/pause");
    assertThat(harness.docker.inspectImageCmd(runtime.pauseImageTag()).exec().getSize()).isLessThan(1024);
    assertThat(inspect.getConfig().getLabels()).containsEntry(AgentLabels.CONTAINER_NAME, "~internal~ecs~pause")
        .containsEntry("ecs-emulator.instance", harness.instance.id());
    assertThat(sandbox.ipAddress()).as("the task's private IP").matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(runtime.createSandbox(harness.factory.sandbox(definition, null, context).orElseThrow()).id())
        .as("idempotent by name").isEqualTo(sandbox.id());

    Instant asked = Instant.now();
    runtime.removeSandbox(sandbox.id());
    System.out.printf("sandbox removed in %d ms%n", Duration.between(asked, Instant.now()).toMillis());
    assertThat(runtime.inspect(sandbox.id())).isEmpty();
  }

  @Test
  void containersOfAnAwsvpcTaskTalkOverLocalhostAndArePublishedOnTheBindAddress() {
    ContainerDefinition web = Fixtures.container("web").portMappings(List.of(Fixtures.port(8080, 8080, null))).build();
    ContainerDefinition client = Fixtures.container("client").essential(false).command(List.of("sh", "-c",
        "until wget -q -O /tmp/got http://localhost:8080/; do sleep 0.2; done; grep -q sample-web /tmp/got")).build();
    TaskDefinition definition = Fixtures.task("awsvpc", web, client).toBuilder().cpu("256").memory("512").build();
    List<String> ids = new java.util.ArrayList<>();

    Sandbox sandbox = launch(definition, harness.context("FARGATE"), ids);

    await().atMost(DockerHarness.LONG).until(() -> runtime.inspect(ids.get(1)).orElseThrow().state() == State.EXITED);
    assertThat(runtime.inspect(ids.get(1)).orElseThrow().exitCode()).as("client reached web on localhost").isZero();
    assertThat(harness.inspect(ids.get(0)).getHostConfig().getNetworkMode()).isEqualTo("container:" + sandbox.id());
    assertThat(sandbox.ports()).singleElement().satisfies(p -> {
      assertThat(p.containerPort()).isEqualTo(8080);
      assertThat(p.hostIp()).isEqualTo("127.0.0.1");
      assertThat(p.hostPort()).as("dynamic, never the container port's").isPositive();
    });
    int hostPort = sandbox.ports().get(0).hostPort();
    await().atMost(DockerHarness.LONG).until(() -> harness.get("http://127.0.0.1:" + hostPort + "/")
        .map(r -> r.statusCode() == 200).orElse(false));
    assertThat(harness.get("http://" + sandbox.ipAddress() + ":8080/").orElseThrow().body()).contains("sample-web");
  }

  @Test
  void aFourVcpuFargateTaskStartsOnATwoCpuHost() {
    TaskDefinition definition = Fixtures.task("awsvpc", Fixtures.container("web").build()).toBuilder()
        .cpu("4096").memory("8192").build();
    List<String> ids = new java.util.ArrayList<>();

    Sandbox sandbox = launch(definition, harness.context("FARGATE"), ids);

    var host = harness.inspect(sandbox.id()).getHostConfig();
    assertThat(host.getCpuQuota()).isEqualTo(400_000L);
    assertThat(host.getCpuPeriod()).isEqualTo(100_000L);
    assertThat(host.getNanoCPUs()).isIn(null, 0L);
    assertThat(host.getMemory()).isEqualTo(8192L << 20);
    assertThat(runtime.inspect(ids.get(0)).orElseThrow().running()).isTrue();
    assertThat(harness.inspect(ids.get(0)).getHostConfig().getCgroupParent()).isEqualTo(sandbox.memberCgroupParent());
    System.out.printf("host: %s%n", runtime.host());
  }

  @Test
  void theTasksMemoryLimitBoundsTheSumOfItsContainers() {
    // Each container alone stays far below the task's 40 MiB; together they cannot.
    ContainerDefinition a = Fixtures.container("a").portMappings(List.of(Fixtures.port(8080, null, null))).build();
    ContainerDefinition b = Fixtures.container("b").environment(List.of(Fixtures.env("PORT", "8081")))
        .portMappings(List.of(Fixtures.port(8081, null, null))).build();
    TaskDefinition definition = Fixtures.task("awsvpc", a, b).toBuilder().cpu("256").memory("40").build();
    List<String> ids = new java.util.ArrayList<>();
    Sandbox sandbox = launch(definition, harness.context("FARGATE"), ids);
    assertThat(harness.inspect(ids.get(0)).getHostConfig().getMemory()).as("no limit of its own").isZero();
    int portA = sandbox.ports().stream().filter(p -> p.containerPort() == 8080).findFirst().orElseThrow().hostPort();
    int portB = sandbox.ports().stream().filter(p -> p.containerPort() == 8081).findFirst().orElseThrow().hostPort();
    await().atMost(DockerHarness.LONG).until(() -> harness.get("http://127.0.0.1:" + portA + "/").isPresent()
        && harness.get("http://127.0.0.1:" + portB + "/").isPresent());

    // B holds 12 MiB and then stays idle; A grows towards 28 MiB and crosses the shared limit on the way, by when it is
    // the largest process of the task's cgroup, so the kernel kills A. Nothing allocates after that kill: when the
    // survivor was still growing, the kernel sometimes killed it as well before A's memory was given back (about
    // one run in twelve, the two kills 9 ms apart in the kernel's log).
    harness.get("http://127.0.0.1:" + portB + "/control/alloc?mb=12");
    await().atMost(DockerHarness.LONG).until(() ->
        harness.exec(ids.get(1), "cat", "/tmp/sample-web/allocated").trim().equals("12"));
    harness.get("http://127.0.0.1:" + portA + "/control/alloc?mb=28"); // 12 + 28 + overhead: past 40 MiB

    await().atMost(Duration.ofSeconds(60)).until(() -> anyOomKilled(ids));
    ObservedContainer killed = ids.stream().map(id -> runtime.inspect(id).orElseThrow())
        .filter(ObservedContainer::oomKilled).filter(c -> c.exitCode() != null).findFirst().orElseThrow();
    assertThat(killed.id()).as("the larger container is the one killed").isEqualTo(ids.get(0));
    assertThat(killed.exitCode()).isEqualTo(137);
    assertThat(killed.outOfMemory()).isTrue();
    System.out.printf("OOM-killed by the task's shared limit: container %s%n", killed.containerName());

    // The kernel notifies the whole task cgroup, so Docker may mark the survivor OOMKilled too, though it
    // was not killed: outOfMemory() tells them apart.
    String survivor = ids.stream().filter(id -> !id.equals(killed.id())).findFirst().orElseThrow();
    assertThat(runtime.inspect(survivor).orElseThrow().running()).as("one kill brought the task under its limit")
        .isTrue();
    runtime.stopContainer(survivor, Duration.ofSeconds(5));
    ObservedContainer stopped = runtime.inspect(survivor).orElseThrow();
    assertThat(stopped.exitCode()).isEqualTo(143);
    assertThat(stopped.outOfMemory()).isFalse();
    System.out.printf("survivor %s: exit %d, Docker's OOMKilled %s%n", stopped.containerName(), stopped.exitCode(),
        stopped.oomKilled());
  }

  private boolean anyOomKilled(List<String> ids) {
    return ids.stream().map(id -> runtime.inspect(id).orElseThrow()).anyMatch(c -> c.oomKilled() && c.exitCode() != null);
  }
}
