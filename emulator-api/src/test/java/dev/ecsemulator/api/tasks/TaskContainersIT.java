package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.awaitTask;
import static dev.ecsemulator.api.tasks.TaskFixtures.container;
import static dev.ecsemulator.api.tasks.TaskFixtures.docker;
import static dev.ecsemulator.api.tasks.TaskFixtures.healthCheck;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.Ulimit;

/**
 * Tasks on the real Docker engine: what the containers look like (docker inspect), and how ECS reports
 * their lives: health, OOM kills, essential and non-essential exits, pull failures, stops and kills.
 */
class TaskContainersIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  String register(String family, ContainerDefinition... containers) {
    return ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(containers))
        .taskDefinition().taskDefinitionArn();
  }

  Task run(String taskDefinition) {
    var response = ecs.runTask(b -> b.taskDefinition(taskDefinition));
    assertThat(response.failures()).isEmpty();
    return response.tasks().get(0);
  }

  @Test
  void aContainerIsConfiguredAsTheAgentConfiguresIt() {
    String td = register("mapped", web("app", 64).toBuilder()
        .cpu(100).memoryReservation(32)
        .healthCheck(healthCheck())
        .environment(e -> e.name("GREETING").value("hello"))
        .dockerLabels(Map.of("team", "blue", "com.amazonaws.ecs.cluster", "spoofed"))
        .ulimits(Ulimit.builder().name("nofile").softLimit(1024).hardLimit(2048).build())
        .build());
    Task started = run(td);

    Task running = awaitStatus(ecs, started.taskArn(), "RUNNING");
    var app = container(running, "app");
    InspectContainerResponse inspect = docker().inspectContainerCmd(app.runtimeId()).exec();

    assertThat(inspect.getName()).matches("/ecs-mapped-1-app-[0-9a-f]{20}");
    assertThat(inspect.getHostConfig().getCpuShares()).isEqualTo(100);
    assertThat(inspect.getHostConfig().getMemory()).isEqualTo(64L * 1024 * 1024);
    assertThat(inspect.getHostConfig().getMemoryReservation()).isEqualTo(32L * 1024 * 1024);
    assertThat(inspect.getConfig().getHealthcheck().getInterval()).isEqualTo(5_000_000_000L);
    assertThat(inspect.getConfig().getHealthcheck().getTimeout()).isEqualTo(2_000_000_000L);
    assertThat(inspect.getConfig().getHealthcheck().getRetries()).isEqualTo(2);
    assertThat(inspect.getConfig().getEnv()).contains("GREETING=hello", "AWS_EXECUTION_ENV=AWS_ECS_EC2");
    assertThat(inspect.getConfig().getLabels())
        .containsEntry("com.amazonaws.ecs.task-arn", running.taskArn())
        .containsEntry("com.amazonaws.ecs.container-name", "app")
        .containsEntry("com.amazonaws.ecs.task-definition-family", "mapped")
        .containsEntry("com.amazonaws.ecs.task-definition-version", "1")
        .containsEntry("com.amazonaws.ecs.cluster", "default")
        .containsEntry("team", "blue")
        .containsEntry("ecs-emulator.managed", "true");
    assertThat(inspect.getHostConfig().getUlimits()).anySatisfy(u -> {
      assertThat(u.getName()).isEqualTo("nofile");
      assertThat(u.getSoft()).isEqualTo(1024L);
      assertThat(u.getHard()).isEqualTo(2048L);
    });
    int hostPort = app.networkBindings().get(0).hostPort();
    assertThat(inspect.getNetworkSettings().getPorts().getBindings().values())
        .anySatisfy(bindings -> assertThat(bindings[0].getHostPortSpec()).isEqualTo(String.valueOf(hostPort)));
    assertThat(running.startedAt()).isNotNull();
    assertThat(running.pullStartedAt()).isNotNull();
    assertThat(running.pullStoppedAt()).isNotNull();
    assertThat(running.connectivity().toString()).isEqualTo("CONNECTED");
  }

  @Test
  void healthChecksReachTheTaskAndItsContainer() throws Exception {
    String td = register("healthy", web("app", 64).toBuilder().healthCheck(healthCheck()).build());
    Task started = run(td);

    Task healthy = awaitTask(ecs, started.taskArn(), t -> "HEALTHY".equals(t.healthStatusAsString()));
    assertThat(container(healthy, "app").healthStatusAsString()).isEqualTo("HEALTHY");

    TaskFixtures.get(container(healthy, "app"), "/control/unhealthy");
    Task unhealthy = awaitTask(ecs, started.taskArn(), t -> "UNHEALTHY".equals(t.healthStatusAsString()));
    assertThat(unhealthy.lastStatus()).as("a standalone task keeps running when unhealthy").isEqualTo("RUNNING");
  }

  @Test
  void anOomKillIsReportedAsEcsReportsIt() throws Exception {
    String td = register("oom", web("app", 32));
    Task running = awaitStatus(ecs, run(td).taskArn(), "RUNNING");

    TaskFixtures.get(container(running, "app"), "/control/alloc");

    Task stopped = awaitStatus(ecs, running.taskArn(), "STOPPED");
    assertThat(container(stopped, "app").exitCode()).isEqualTo(137);
    assertThat(container(stopped, "app").reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
    assertThat(stopped.stopCodeAsString()).isEqualTo("EssentialContainerExited");
    assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
    assertThat(stopped.stoppedAt()).isNotNull();
    assertThat(stopped.executionStoppedAt()).isNotNull();
  }

  @Test
  void anEssentialExitStopsTheTaskAndANonEssentialOneDoesNot() throws Exception {
    String td = register("exits", web("app", 64), web("sidecar", 64).toBuilder().essential(false).build());
    Task running = awaitStatus(ecs, run(td).taskArn(), "RUNNING");

    TaskFixtures.get(container(running, "sidecar"), "/control/exit?code=3");
    Task afterSidecar = awaitTask(ecs, running.taskArn(),
        t -> "STOPPED".equals(container(t, "sidecar").lastStatus()));
    assertThat(container(afterSidecar, "sidecar").exitCode()).isEqualTo(3);
    assertThat(afterSidecar.desiredStatus()).isEqualTo("RUNNING");
    assertThat(afterSidecar.lastStatus()).isEqualTo("RUNNING");

    TaskFixtures.get(container(afterSidecar, "app"), "/control/exit?code=7");
    Task stopped = awaitStatus(ecs, running.taskArn(), "STOPPED");
    assertThat(container(stopped, "app").exitCode()).isEqualTo(7);
    assertThat(stopped.stopCodeAsString()).isEqualTo("EssentialContainerExited");
  }

  @Test
  void pidModeTaskPutsTheContainersInOneProcessNamespaceAndStopsCleanly() {
    String td = ecs.registerTaskDefinition(b -> b.family("shared-pid").pidMode("task").ipcMode("task")
        .containerDefinitions(web("a", 64), web("b", 64).toBuilder().portMappings(java.util.List.of()).build()))
        .taskDefinition().taskDefinitionArn();
    Task running = awaitStatus(ecs, run(td).taskArn(), "RUNNING");

    var a = docker().inspectContainerCmd(container(running, "a").runtimeId()).exec().getHostConfig();
    var b = docker().inspectContainerCmd(container(running, "b").runtimeId()).exec().getHostConfig();
    assertThat(a.getPidMode()).startsWith("container:").isEqualTo(b.getPidMode());
    assertThat(a.getIpcMode()).isEqualTo(a.getPidMode()).isEqualTo(b.getIpcMode());

    ecs.stopTask(r -> r.task(running.taskArn()));
    Task stopped = awaitStatus(ecs, running.taskArn(), "STOPPED");
    assertThat(container(stopped, "a").exitCode()).isEqualTo(143);
    assertThat(container(stopped, "b").exitCode()).isEqualTo(143);
  }

  @Test
  void aFailedPullStopsTheTaskWithCannotPullContainerError() {
    String td = register("nopull", web("app", 64).toBuilder().image("ecs-emulator/does-not-exist:1").build());

    Task stopped = awaitStatus(ecs, run(td).taskArn(), "STOPPED");

    assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.stoppedReason()).startsWith("CannotPullContainerError:");
    assertThat(container(stopped, "app").reason()).startsWith("CannotPullContainerError:");
    assertThat(stopped.startedAt()).isNull();
  }

  @Test
  void stopTaskStopsWithTheStopTimeout() {
    // sh as PID 1 ignores SIGTERM: only the SIGKILL after stopTimeout ends it.
    String td = register("stubborn", web("app", 64).toBuilder()
        .command("sh", "-c", "sleep 600").stopTimeout(2).portMappings(java.util.List.of()).build());
    Task running = awaitStatus(ecs, run(td).taskArn(), "RUNNING");

    Task stopping = ecs.stopTask(b -> b.task(running.taskArn()).reason("enough")).task();
    assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");

    Task stopped = awaitStatus(ecs, running.taskArn(), "STOPPED");
    assertThat(stopped.stopCodeAsString()).isEqualTo("UserInitiated");
    assertThat(stopped.stoppedReason()).isEqualTo("enough");
    assertThat(container(stopped, "app").exitCode()).isEqualTo(137);
    assertThat(Duration.between(stopped.stoppingAt(), stopped.executionStoppedAt()))
        .as("docker stop waited the stopTimeout before SIGKILL").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aStopOfTheSampleAppIsPromptAndReads143() {
    String td = register("polite", web("app", 64));
    Task running = awaitStatus(ecs, run(td).taskArn(), "RUNNING");

    ecs.stopTask(b -> b.task(running.taskArn()));

    Task stopped = awaitStatus(ecs, running.taskArn(), "STOPPED");
    assertThat(container(stopped, "app").exitCode()).isEqualTo(143);
    assertThat(stopped.stoppedReason()).isEqualTo("Task stopped by user");
  }

  @Test
  void aContainerKilledBehindOurBackIsReported() {
    String td = register("killed", web("app", 64));
    Task running = awaitStatus(ecs, run(td).taskArn(), "RUNNING");

    docker().killContainerCmd(container(running, "app").runtimeId()).exec();

    Task stopped = awaitStatus(ecs, running.taskArn(), "STOPPED");
    assertThat(container(stopped, "app").exitCode()).isEqualTo(137);
    assertThat(container(stopped, "app").reason()).isNull();
    assertThat(stopped.stopCodeAsString()).isEqualTo("EssentialContainerExited");
  }

  @Test
  void aContainerRemovedBehindOurBackStopsTheTask() {
    String td = register("vanished", web("app", 64));
    Task running = awaitStatus(ecs, run(td).taskArn(), "RUNNING");

    docker().removeContainerCmd(container(running, "app").runtimeId()).withForce(true).exec();

    // Docker reports the kill (die, exit 137) and then the removal; whichever the emulator sees first,
    // the task stops because its essential container is gone.
    Task stopped = awaitStatus(ecs, running.taskArn(), "STOPPED");
    var app = container(stopped, "app");
    assertThat(app.reason() != null && app.reason().startsWith("ContainerVanishedError")
        || Integer.valueOf(137).equals(app.exitCode())).isTrue();
    assertThat(stopped.stopCodeAsString()).isEqualTo("EssentialContainerExited");
  }

  @Test
  void theSdkWaitersWork() {
    String td = register("waited", web("app", 64));
    Task started = run(td);

    var running = ecs.waiter().waitUntilTasksRunning(b -> b.tasks(started.taskArn()));
    assertThat(running.matched().response()).hasValueSatisfying(
        r -> assertThat(r.tasks().get(0).lastStatus()).isEqualTo("RUNNING"));

    ecs.stopTask(b -> b.task(started.taskArn()));
    var stopped = ecs.waiter().waitUntilTasksStopped(b -> b.tasks(started.taskArn()));
    assertThat(stopped.matched().response()).hasValueSatisfying(
        r -> assertThat(r.tasks().get(0).lastStatus()).isEqualTo("STOPPED"));
  }
}
