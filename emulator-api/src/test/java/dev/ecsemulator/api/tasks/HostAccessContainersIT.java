package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.WEB_1;
import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.awaitTask;
import static dev.ecsemulator.api.tasks.TaskFixtures.container;
import static dev.ecsemulator.api.tasks.TaskFixtures.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import dev.ecsemulator.api.support.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * Host-level access on the real engine: off by default (the definition registers, its task stops with
 * TaskFailedToStart and a reason naming the option, and nothing of it is created), applied as the agent applies it
 * with {@code --allow-host-access}.
 */
class HostAccessContainersIT {

  @RegisterExtension
  static final EmulatorExtension DEFAULT = new EmulatorExtension();
  @RegisterExtension
  static final EmulatorExtension ALLOWING = new EmulatorExtension(
      config -> config.withScheduler(config.scheduler().withAllowHostAccess(true)));

  static Path scratch;

  @BeforeAll
  static void scratchDirectory() throws IOException {
    scratch = Files.createTempDirectory("host-access-test");
  }

  @BeforeEach
  void clusters() {
    DEFAULT.client().createCluster(b -> b.clusterName("default"));
    ALLOWING.client().createCluster(b -> b.clusterName("default"));
  }

  @AfterAll
  static void removeScratch() throws IOException {
    Files.deleteIfExists(scratch);
  }

  static Task run(EcsClient ecs, String family, Consumer<RegisterTaskDefinitionRequest.Builder> task,
      Consumer<ContainerDefinition.Builder> container) {
    ContainerDefinition.Builder app = ContainerDefinition.builder().name("app").image(WEB_1).memory(32);
    container.accept(app);
    RegisterTaskDefinitionRequest.Builder definition = RegisterTaskDefinitionRequest.builder().family(family)
        .containerDefinitions(app.build());
    task.accept(definition);
    ecs.registerTaskDefinition(definition.build());
    var response = ecs.runTask(b -> b.taskDefinition(family));
    assertThat(response.failures()).isEmpty();
    return response.tasks().get(0);
  }

  static Consumer<RegisterTaskDefinitionRequest.Builder> binding(String hostPath) {
    return t -> t.volumes(Volume.builder().name("v").host(h -> h.sourcePath(hostPath)).build());
  }

  static final Consumer<ContainerDefinition.Builder> MOUNTING =
      c -> c.mountPoints(MountPoint.builder().sourceVolume("v").containerPath("/v").build());

  static void refused(Task started, String container, String description) {
    EcsClient ecs = DEFAULT.client();
    Task stopped = awaitStatus(ecs, started.taskArn(), "STOPPED");
    String reason = "CannotCreateContainerError: ecs-emulator refuses host-level access: " + description
        + ". Start the emulator with --allow-host-access (ECS_EMULATOR_ALLOW_HOST_ACCESS=true) to allow it";
    assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.stoppedReason()).isEqualTo(reason);
    if (container != null) {
      assertThat(container(stopped, container).reason()).isEqualTo(reason);
    }
    assertThat(stopped.containers()).allSatisfy(c -> assertThat(c.runtimeId()).isNull());
    assertThat(docker().listContainersCmd().withShowAll(true)
        .withLabelFilter(List.of("com.amazonaws.ecs.task-arn=" + stopped.taskArn())).exec()).isEmpty();
  }

  @Test
  void withoutTheOptionAPrivilegedTaskFailsToStart() {
    refused(run(DEFAULT.client(), "priv", t -> {}, c -> c.privileged(true)), "app", "container 'app' is privileged");
  }

  @Test
  void withoutTheOptionTheDockerSocketCannotBeMounted() {
    refused(run(DEFAULT.client(), "sock", binding("/var/run/docker.sock"), MOUNTING), null,
        "volume 'v' binds the host path /var/run/docker.sock");
  }

  @Test
  void withoutTheOptionAVolumeBindingEtcThroughItsDriverCannotBeUsed() {
    Task started = run(DEFAULT.client(), "etc", t -> t.volumes(Volume.builder().name("v").dockerVolumeConfiguration(d -> d
        .scope("task").driver("local").driverOpts(java.util.Map.of("type", "none", "o", "bind", "device", "/etc")))
        .build()), MOUNTING);

    refused(started, null, "volume 'v' binds the host path /etc through its driver options");
  }

  @Test
  void withoutTheOptionAddedCapabilitiesHostNamespacesAndUnconfinedSeccompFail() {
    EcsClient ecs = DEFAULT.client();
    refused(run(ecs, "cap", t -> {}, c -> c.linuxParameters(l -> l.capabilities(k -> k.add("SYS_ADMIN")))), "app",
        "container 'app' adds the Linux capability SYS_ADMIN");
    refused(run(ecs, "seccomp", t -> {}, c -> c.dockerSecurityOptions("seccomp=unconfined")), "app",
        "container 'app' sets the security option seccomp=unconfined");
    refused(run(ecs, "pid", t -> t.pidMode("host"), c -> {}), null, "pidMode host shares the host's process namespace");
  }

  @Test
  void withoutTheOptionAProjectDirectoryInTheTempDirectoryIsMounted() {
    Task running = awaitStatus(DEFAULT.client(),
        run(DEFAULT.client(), "scratch", binding(scratch.toString()), MOUNTING).taskArn(), "RUNNING");

    InspectContainerResponse inspect = docker().inspectContainerCmd(container(running, "app").runtimeId()).exec();
    assertThat(inspect.getHostConfig().getBinds()).anySatisfy(b -> assertThat(b.getPath()).isEqualTo(scratch.toString()));
  }

  @Test
  void withTheOptionEverythingIsAppliedAsTheAgentAppliesIt() {
    EcsClient ecs = ALLOWING.client();
    Task started = run(ecs, "all", binding("/var/run/docker.sock").andThen(t -> t.pidMode("host").ipcMode("host")),
        MOUNTING.andThen(c -> c.linuxParameters(l -> l.capabilities(k -> k.add("SYS_ADMIN")))
            .dockerSecurityOptions("seccomp=unconfined")));

    Task running = awaitStatus(ecs, started.taskArn(), "RUNNING");

    InspectContainerResponse inspect = docker().inspectContainerCmd(container(running, "app").runtimeId()).exec();
    assertThat(inspect.getHostConfig().getCapAdd()).contains(Capability.SYS_ADMIN);
    assertThat(inspect.getHostConfig().getSecurityOpts()).contains("seccomp=unconfined");
    assertThat(inspect.getHostConfig().getPidMode()).isEqualTo("host");
    assertThat(inspect.getHostConfig().getIpcMode()).isEqualTo("host");
    assertThat(inspect.getHostConfig().getBinds())
        .anySatisfy(b -> assertThat(b.getPath()).isEqualTo("/var/run/docker.sock"));
  }

  @Test
  void withTheOptionAPrivilegedContainerIsCreatedPrivileged() {
    EcsClient ecs = ALLOWING.client();
    Task started = run(ecs, "priv", t -> {}, c -> c.privileged(true));

    // Whether it then starts depends on the engine: one that runs inside a container may lack capabilities a
    // privileged container needs (runc: "unable to apply caps"). What the emulator asked for is the point here.
    Task created = awaitTask(ecs, started.taskArn(), t -> container(t, "app").runtimeId() != null);

    InspectContainerResponse inspect = docker().inspectContainerCmd(container(created, "app").runtimeId()).exec();
    assertThat(inspect.getHostConfig().getPrivileged()).isTrue();
  }
}
