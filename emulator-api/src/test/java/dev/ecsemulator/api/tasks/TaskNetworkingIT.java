package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.container;
import static dev.ecsemulator.api.tasks.TaskFixtures.docker;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/** awsvpc tasks (one network namespace per task, through the sandbox) and dependsOn ordering. */
class TaskNetworkingIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  @Test
  void awsvpcContainersShareLocalhostAndTheTaskGetsItsOwnAddress() throws Exception {
    ContainerDefinition probe = ContainerDefinition.builder()
        .name("probe").image(TaskFixtures.WEB_1).memory(32).essential(false)
        .dependsOn(d -> d.containerName("app").condition(ContainerCondition.START))
        // Exits 0 only if the app answers on localhost, from this container's own namespace... shared.
        .command("sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O- http://localhost:8080/ && exit 0; sleep 1; done; exit 1")
        .build();
    ecs.registerTaskDefinition(b -> b.family("vpc").networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
        .containerDefinitions(web("app", 64), probe));

    Task started = ecs.runTask(b -> b.taskDefinition("vpc")
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))).tasks().get(0);
    assertThat(started.lastStatus()).isEqualTo("PROVISIONING");
    assertThat(started.attachments()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("PRECREATED"));

    Task probed = TaskFixtures.awaitTask(ecs, started.taskArn(), t -> "STOPPED".equals(container(t, "probe").lastStatus()));
    assertThat(container(probed, "probe").exitCode()).as("the probe reached the app on localhost").isZero();
    assertThat(probed.lastStatus()).isEqualTo("RUNNING");
    String ip = probed.attachments().get(0).details().stream()
        .filter(d -> d.name().equals("privateIPv4Address")).findFirst().orElseThrow().value();
    assertThat(ip).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(container(probed, "app").networkInterfaces()).singleElement()
        .satisfies(n -> assertThat(n.privateIpv4Address()).isEqualTo(ip));
    // Published on the emulator's bind address, so a developer can reach the task (unlike Fargate).
    assertThat(TaskFixtures.get(container(probed, "app"), "/").body()).contains("sample-web");
    assertThat(docker().inspectContainerCmd(container(probed, "app").runtimeId()).exec().getHostConfig().getNetworkMode())
        .startsWith("container:");

    ecs.stopTask(b -> b.task(started.taskArn()));
    Task stopped = awaitStatus(ecs, started.taskArn(), "STOPPED");
    assertThat(stopped.attachments().get(0).status()).isEqualTo("DELETED");
  }

  @Test
  void dependsOnOrdersTheStartsAndSuccessIsRequired() {
    ContainerDefinition init = ContainerDefinition.builder()
        .name("init").image(TaskFixtures.WEB_1).memory(32).essential(false)
        .command("sh", "-c", "sleep 1; exit 0").build();
    ContainerDefinition app = web("app", 64).toBuilder()
        .dependsOn(d -> d.containerName("init").condition(ContainerCondition.SUCCESS)).build();
    ecs.registerTaskDefinition(b -> b.family("ordered").containerDefinitions(init, app));

    Task running = awaitStatus(ecs, ecs.runTask(b -> b.taskDefinition("ordered")).tasks().get(0).taskArn(), "RUNNING");

    Instant initFinished = Instant.parse(docker().inspectContainerCmd(container(running, "init").runtimeId()).exec()
        .getState().getFinishedAt());
    Instant appStarted = Instant.parse(docker().inspectContainerCmd(container(running, "app").runtimeId()).exec()
        .getState().getStartedAt());
    assertThat(appStarted).isAfterOrEqualTo(initFinished);
    assertThat(container(running, "init").exitCode()).isZero();
  }

  @Test
  void aFailedSuccessDependencyStopsTheTask() {
    ContainerDefinition init = ContainerDefinition.builder()
        .name("init").image(TaskFixtures.WEB_1).memory(32).essential(false)
        .command("sh", "-c", "exit 4").build();
    ContainerDefinition app = web("app", 64).toBuilder()
        .dependsOn(d -> d.containerName("init").condition(ContainerCondition.SUCCESS)).build();
    ecs.registerTaskDefinition(b -> b.family("broken").containerDefinitions(init, app));

    Task stopped = awaitStatus(ecs, ecs.runTask(b -> b.taskDefinition("broken")).tasks().get(0).taskArn(), "STOPPED");

    assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.stoppedReason()).contains("init", "4");
    assertThat(container(stopped, "app").exitCode()).as("never started").isNull();
  }
}
