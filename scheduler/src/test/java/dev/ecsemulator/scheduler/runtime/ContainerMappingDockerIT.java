package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.DockerVolumeConfiguration;
import dev.ecsemulator.core.model.HealthCheck;
import dev.ecsemulator.core.model.HostVolumeProperties;
import dev.ecsemulator.core.model.LinuxParameters;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.MountPoint;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.Ulimit;
import dev.ecsemulator.core.model.Volume;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task definition's containers created on the real engine, read back with {@code docker inspect}: the
 * limits, health check, labels, ports, environment, ulimits, user, init and binds are what the agent's
 * mapping says.
 */
class ContainerMappingDockerIT {

  static final DockerHarness harness = new DockerHarness();
  final DockerContainerRuntime runtime = harness.runtime;

  @TempDir
  Path hostDir;

  @AfterEach
  void removeContainers() {
    harness.removeContainersAndVolumes();
  }

  @AfterAll
  static void close() {
    harness.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aBridgeContainerCarriesTheAgentsMapping() throws IOException {
    int staticPort = freePort();
    Files.writeString(hostDir.resolve("hello.txt"), "from the host");
    // The container runs as nobody: let it in.
    Files.setPosixFilePermissions(hostDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(hostDir.resolve("hello.txt"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    ContainerDefinition web = Fixtures.container("web").cpu(256).memory(128).memoryReservation(64)
        .environment(List.of(Fixtures.env("GREETING", "hi")))
        .dockerLabels(Map.of("team", "blue"))
        .portMappings(List.of(Fixtures.port(8080, null, null), Fixtures.port(8081, staticPort, "tcp")))
        .healthCheck(HealthCheck.builder().command(List.of("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1"))
            .interval(5).timeout(2).retries(2).startPeriod(1).build())
        .ulimits(List.of(Ulimit.builder().name("nofile").softLimit(1024).hardLimit(2048).build()))
        .user("nobody").workingDirectory("/tmp")
        .linuxParameters(LinuxParameters.builder().initProcessEnabled(true).build())
        .logConfiguration(LogConfiguration.builder().logDriver("awslogs").options(Map.of("awslogs-group", "g")).build())
        .mountPoints(List.of(MountPoint.builder().sourceVolume("data").containerPath("/data").readOnly(true).build(),
            MountPoint.builder().sourceVolume("scratch").containerPath("/scratch").build()))
        .build();
    TaskDefinition definition = Fixtures.task("bridge", web).toBuilder().volumes(List.of(
        Volume.builder().name("data").host(HostVolumeProperties.builder().sourcePath(hostDir.toString()).build()).build(),
        Volume.builder().name("scratch").dockerVolumeConfiguration(DockerVolumeConfiguration.builder().scope("task")
            .driver("local").build()).build())).build();
    LaunchContext context = harness.context("EC2");

    for (VolumeSpec volume : harness.factory.volumes(definition, context)) {
      runtime.ensureVolume(volume);
    }
    ContainerSpec spec = harness.factory.container(definition, web, null, context);
    String id = runtime.createContainer(spec);
    runtime.startContainer(id);

    InspectContainerResponse inspect = harness.inspect(id);
    HostConfig host = inspect.getHostConfig();
    assertThat(inspect.getName()).isEqualTo("/" + spec.name()).matches("/ecs-web-3-web-[0-9a-f]{20}");
    assertThat(host.getCpuShares()).isEqualTo(256);
    assertThat(host.getMemory()).isEqualTo(128L << 20);
    assertThat(host.getMemoryReservation()).isEqualTo(64L << 20);
    assertThat(host.getCpuQuota()).isZero();
    assertThat(inspect.getConfig().getHealthcheck().getTest())
        .containsExactly("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1");
    assertThat(inspect.getConfig().getHealthcheck().getInterval()).isEqualTo(5_000_000_000L);
    assertThat(inspect.getConfig().getHealthcheck().getTimeout()).isEqualTo(2_000_000_000L);
    assertThat(inspect.getConfig().getHealthcheck().getRetries()).isEqualTo(2);
    assertThat(inspect.getConfig().getHealthcheck().getStartPeriod()).isEqualTo(1_000_000_000L);
    assertThat(inspect.getConfig().getLabels())
        .containsEntry("team", "blue")
        .containsEntry(AgentLabels.TASK_ARN, context.taskArn())
        .containsEntry(AgentLabels.CONTAINER_NAME, "web")
        .containsEntry(AgentLabels.TASK_DEFINITION_FAMILY, "web")
        .containsEntry(AgentLabels.TASK_DEFINITION_VERSION, "3")
        .containsEntry(AgentLabels.CLUSTER, "runtime-test")
        .containsEntry("ecs-emulator.managed", "true")
        .containsEntry("ecs-emulator.instance", harness.instance.id());
    assertThat(Arrays.asList(inspect.getConfig().getEnv()))
        .contains("GREETING=hi", "AWS_EXECUTION_ENV=AWS_ECS_EC2", "AWS_REGION=us-east-1");
    assertThat(host.getUlimits()).extracting(u -> u.getName() + "=" + u.getSoftLong() + ":" + u.getHardLong())
        .containsExactly("nofile=1024:2048");
    assertThat(inspect.getConfig().getUser()).isEqualTo("nobody");
    assertThat(inspect.getConfig().getWorkingDir()).isEqualTo("/tmp");
    assertThat(host.getInit()).isTrue();
    assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
    assertThat(host.getBinds()).extracting(Object::toString)
        .containsExactly(hostDir + ":/data:ro", harness.factory.volumes(definition, context).get(0).dockerName() + ":/scratch:rw");
    Map<ExposedPort, Ports.Binding[]> ports = host.getPortBindings().getBindings();
    assertThat(ports.get(ExposedPort.tcp(8080))).containsExactly(new Ports.Binding("127.0.0.1", ""));
    assertThat(ports.get(ExposedPort.tcp(8081))).containsExactly(new Ports.Binding("127.0.0.1", String.valueOf(staticPort)));

    ObservedContainer observed = runtime.inspect(id).orElseThrow();
    assertThat(observed.state()).isEqualTo(ObservedContainer.State.RUNNING);
    assertThat(observed.taskArn()).isEqualTo(context.taskArn());
    assertThat(observed.containerName()).isEqualTo("web");
    assertThat(observed.ipAddress()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(observed.ports()).anySatisfy(p -> {
      assertThat(p.containerPort()).isEqualTo(8080);
      assertThat(p.hostIp()).isEqualTo("127.0.0.1");
      assertThat(p.hostPort()).isPositive();
    });
    assertThat(observed.ports()).contains(new ObservedContainer.PortBinding(8081, "tcp", "127.0.0.1", staticPort));
    int dynamic = harness.hostPort(id, 8080);
    await().atMost(DockerHarness.LONG).until(() -> harness.get("http://127.0.0.1:" + dynamic + "/")
        .map(r -> r.statusCode() == 200 && r.body().contains("sample-web")).orElse(false));
    await().atMost(DockerHarness.LONG).until(() ->
        runtime.inspect(id).orElseThrow().health().status() == ObservedContainer.Health.Status.HEALTHY);
    assertThat(runtime.inspect(id).orElseThrow().health().lastOutput()).contains("healthy");
    assertThat(harness.exec(id, "cat", "/data/hello.txt")).isEqualTo("from the host");
  }

  @Test
  void creatingTwiceByNameReturnsTheSameContainer() {
    ContainerDefinition web = Fixtures.container("web").build();
    LaunchContext context = harness.context("EC2");
    ContainerSpec spec = harness.factory.container(Fixtures.task("bridge", web), web, null, context);

    String first = runtime.createContainer(spec);
    String second = runtime.createContainer(spec);

    assertThat(second).isEqualTo(first);
    assertThat(runtime.listManaged()).extracting(ObservedContainer::id).containsExactly(first);
  }

  @Test
  void taskLimitsOnSeveralContainersNestUnderTheSandboxsCgroup() {
    ContainerDefinition a = Fixtures.container("a").memory(64).build();
    ContainerDefinition b = Fixtures.container("b").build();
    TaskDefinition definition = Fixtures.task("bridge", a, b).toBuilder().cpu("4096").memory("256").build();
    LaunchContext context = harness.context("EC2");
    assertThat(runtime.host().taskCgroups()).as("this machine: cgroup v1, cgroupfs driver").isTrue();

    Sandbox holder = runtime.createSandbox(harness.factory.sandbox(definition, null, context).orElseThrow());
    LaunchContext running = context.withSandbox(holder);
    String first = runtime.createContainer(harness.factory.container(definition, a, null, running));
    String second = runtime.createContainer(harness.factory.container(definition, b, null, running));
    runtime.startContainer(first);
    runtime.startContainer(second);

    HostConfig sandbox = harness.inspect(holder.id()).getHostConfig();
    assertThat(sandbox.getMemory()).isEqualTo(256L << 20);
    assertThat(sandbox.getCpuPeriod()).isEqualTo(100_000L);
    assertThat(sandbox.getCpuQuota()).as("4 vCPUs on a 2-CPU host: a quota, not NanoCpus").isEqualTo(400_000L);
    assertThat(sandbox.getCgroupParent()).isEqualTo("/ecs-emulator");
    assertThat(sandbox.getNetworkMode()).isEqualTo("none");
    assertThat(holder.memberCgroupParent()).isEqualTo("/ecs-emulator/" + holder.id());
    for (String member : List.of(first, second)) {
      assertThat(harness.inspect(member).getHostConfig().getCgroupParent()).isEqualTo(holder.memberCgroupParent());
      assertThat(harness.inspect(member).getState().getRunning()).isTrue();
    }
    assertThat(harness.inspect(first).getHostConfig().getMemory()).isEqualTo(64L << 20);
    assertThat(harness.inspect(second).getHostConfig().getMemory()).isZero();
    Path cgroup = Path.of("/sys/fs/cgroup/memory/ecs-emulator", holder.id(), "memory.limit_in_bytes");
    if (Files.isReadable(cgroup)) { // same host as the engine: read the kernel's own value
      assertThat(readTrimmed(cgroup)).isEqualTo(String.valueOf(256L << 20));
      assertThat(Files.isDirectory(cgroup.getParent().resolve(first))).isTrue();
    }

    runtime.removeContainer(first);
    runtime.removeContainer(second);
    runtime.removeSandbox(holder.id());
    assertThat(runtime.inspect(holder.id())).isEmpty();
  }

  @Test
  void volumesAreCreatedLabelledSharedOnesOnlyWhenAllowedAndRemovedOnlyIfOurs() {
    LaunchContext context = harness.context("EC2");
    String taskScoped = "ecs-emulator-test-task-" + DockerHarness.randomHex(4);
    String shared = "ecs-emulator-test-shared-" + DockerHarness.randomHex(4);
    Map<String, String> labels = new java.util.HashMap<>(context.instanceLabels());

    runtime.ensureVolume(new VolumeSpec("t", taskScoped, null, null, labels, VolumeSpec.Scope.TASK, false));
    runtime.ensureVolume(new VolumeSpec("t", taskScoped, null, null, labels, VolumeSpec.Scope.TASK, false));
    assertThatThrownBy(() -> runtime.ensureVolume(
        new VolumeSpec("s", shared, null, null, labels, VolumeSpec.Scope.SHARED, false)))
        .isInstanceOfSatisfying(ContainerRuntimeException.class, e -> assertThat(e.reason()).isEqualTo(
            "CannotCreateVolumeError: initialize volume: volume detection failed, volume '" + shared
                + "' does not exist and autoprovision is set to false"));
    runtime.ensureVolume(new VolumeSpec("s", shared, null, null, labels, VolumeSpec.Scope.SHARED, true));

    assertThat(harness.docker.inspectVolumeCmd(taskScoped).exec().getLabels())
        .containsEntry("ecs-emulator.instance", harness.instance.id());
    runtime.removeVolume(taskScoped);
    runtime.removeVolume(taskScoped);
    runtime.removeVolume(shared);
    assertThat(harness.docker.listVolumesCmd().withFilter("name", List.of("ecs-emulator-test-")).exec().getVolumes())
        .extracting(v -> v.getName()).doesNotContain(taskScoped, shared);
  }

  private static String readTrimmed(Path path) {
    try {
      return Files.readString(path).trim();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
