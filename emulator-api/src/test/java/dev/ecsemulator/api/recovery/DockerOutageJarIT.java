package dev.ecsemulator.api.recovery;

import static dev.ecsemulator.api.recovery.RecoveryFixtures.WEB_1;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.allTasks;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.orphans;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.service;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.stable;
import static dev.ecsemulator.api.recovery.RecoveryFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsemulator.api.support.EmulatorProcess;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Issue 6, "Docker engine outages", on a Docker engine of the test's own ({@link PrivateDockerEngine}):
 * the emulator runs a service on it, the engine stops (its containers with it, as without live-restore),
 * the API keeps answering with the last known state and fails new launches as ECS fails them for a
 * disconnected agent, and when the engine is back the emulator notices, resyncs from the labels and the
 * service recovers, its circuit breaker untouched by the outage.
 */
class DockerOutageJarIT {

  static final Duration LONG = Duration.ofSeconds(120);

  @TempDir Path dataDir;
  Path engineDir;
  PrivateDockerEngine engine;
  EmulatorProcess emulator;

  @AfterEach
  void cleanUp() {
    if (emulator != null) {
      emulator.close();
    }
    if (engine != null) {
      engine.close(); // stops it and removes its directory, containers and all
    }
  }

  /** The sample app alone in its network namespace (no bridge, no ports), with the sample's health check. */
  static ContainerDefinition isolatedWeb() {
    return ContainerDefinition.builder()
        .name("web").image(WEB_1).memory(32)
        .healthCheck(RecoveryFixtures.healthCheck(5))
        .build();
  }

  boolean agentConnected(EcsClient ecs) {
    List<String> arns = ecs.listContainerInstances(b -> b.cluster("default")).containerInstanceArns();
    return ecs.describeContainerInstances(b -> b.cluster("default").containerInstances(arns))
        .containerInstances().get(0).agentConnected();
  }

  @Test
  void theApiAnswersThroughAnEngineOutageAndTheServiceRecoversWhenTheEngineIsBack() throws Exception {
    Optional<String> unavailable = PrivateDockerEngine.unavailable();
    assumeTrue(unavailable.isEmpty(), () -> "cannot run a private Docker engine here: " + unavailable.orElseThrow());
    engineDir = Files.createTempDirectory("ecsemu");
    try {
      engine = PrivateDockerEngine.start(engineDir);
    } catch (RuntimeException e) {
      assumeTrue(false, "cannot start a second dockerd here: " + e.getMessage());
    }
    engine.loadImage(WEB_1);
    emulator = EmulatorProcess.start(dataDir, "--docker-host", engine.host());
    EcsClient ecs = emulator.client();
    ecs.createCluster(b -> b.clusterName("default"));
    ecs.registerTaskDefinition(b -> b.family("web").networkMode(NetworkMode.NONE).containerDefinitions(isolatedWeb()));
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(2)
        .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).until(() -> stable(service(ecs, "web")));
    String deployment = service(ecs, "web").deployments().get(0).id();
    List<Task> before = allTasks(ecs);
    assertThat(before).hasSize(2).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));

    engine.stop();

    // The API answers: health says the engine is gone, describes show the last known state.
    await().atMost(LONG).until(() -> !emulator.health().path("docker").path("reachable").asBoolean());
    assertThat(emulator.health().path("docker").path("error").asText()).isNotBlank();
    await("the engine monitor notices").atMost(LONG).until(() -> !agentConnected(ecs));
    // The last known state. dockerd stops its containers on its way down and still reports that on the
    // connections already open, so a task shows RUNNING if its death went unseen, else STOPPED as its
    // container exited. A replacement either waits for the engine (PENDING: it was placed before the
    // emulator knew the engine was going) or is not placed at all (the service says why); none is
    // recorded only to fail.
    Service during = service(ecs, "web");
    List<Task> tasksDuring = allTasks(ecs);
    System.out.println("during the outage: " + tasksDuring.stream()
        .map(t -> t.lastStatus() + (t.stopCode() == null ? "" : " " + t.stopCodeAsString())).toList());
    assertThat(during.desiredCount()).isEqualTo(2);
    assertThat(tasksDuring).allSatisfy(t -> {
      if (before.stream().anyMatch(b -> b.taskArn().equals(t.taskArn()))) {
        assertThat(t.lastStatus() + " " + t.stopCode()).isIn("RUNNING null", "STOPPED EssentialContainerExited");
      } else {
        assertThat(t.lastStatus() + " " + t.desiredStatus()).as("a replacement").isEqualTo("PENDING RUNNING");
      }
    });
    long wanted = tasksDuring.stream().filter(t -> "RUNNING".equals(t.desiredStatus())).count();
    assertThat(wanted).isLessThanOrEqualTo(2);
    if (wanted < 2) {
      await().atMost(LONG).until(() -> service(ecs, "web").events().stream().anyMatch(e -> e.message().equals(
          "(service web) was unable to place a task because no container instance met all of its requirements.")));
    }
    // New launches fail as ECS fails them without an agent: EC2 placements in failures, Fargate tasks stop.
    var ec2 = ecs.runTask(b -> b.taskDefinition("web"));
    assertThat(ec2.tasks()).isEmpty();
    assertThat(ec2.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("AGENT"));
    ecs.registerTaskDefinition(b -> b.family("fargate").networkMode(NetworkMode.AWSVPC)
        .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512").containerDefinitions(isolatedWeb()));
    Task fargate = ecs.runTask(b -> b.taskDefinition("fargate").launchType(LaunchType.FARGATE)
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))).tasks().get(0);
    await().atMost(LONG).until(() -> "STOPPED".equals(task(ecs, fargate.taskArn()).lastStatus()));
    Task failed = task(ecs, fargate.taskArn());
    assertThat(failed.stopCodeAsString()).isEqualTo("TaskFailedToStart");
    assertThat(failed.stoppedReason()).startsWith("ResourceInitializationError:").contains(engine.host(), "does not answer");

    engine.restart(); // live-restore is off: the service's containers come back exited
    long back = System.nanoTime();

    await("the engine monitor notices the engine is back").atMost(LONG).pollInterval(Duration.ofMillis(100))
        .until(() -> agentConnected(ecs));
    long noticed = System.nanoTime();
    await("the resync finds the containers exited").atMost(LONG).pollInterval(Duration.ofMillis(100))
        .until(() -> before.stream().allMatch(t -> "STOPPED".equals(task(ecs, t.taskArn()).lastStatus())));
    long resynced = System.nanoTime();
    await("the service recovers").atMost(LONG).pollInterval(Duration.ofMillis(250))
        .until(() -> stable(service(ecs, "web")));
    long recovered = System.nanoTime();
    System.out.println("after the outage: " + allTasks(ecs).stream()
        .map(t -> t.lastStatus() + " " + t.stopCode() + " " + t.stoppedReason() + " " + t.containers().get(0).reason()
            + " " + t.containers().get(0).exitCode()).toList());

    for (Task t : before) {
      Task stopped = task(ecs, t.taskArn());
      assertThat(stopped.stopCodeAsString()).isEqualTo("EssentialContainerExited");
      assertThat(stopped.containers().get(0).runtimeId()).isEqualTo(t.containers().get(0).runtimeId());
    }
    Service after = service(ecs, "web");
    assertThat(after.deployments()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(deployment);
      assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
      assertThat(d.failedTasks()).as("the outage is no failure of the service's tasks").isZero();
    });
    assertThat(after.events()).noneMatch(e -> e.message().contains("deployment failed")
        || e.message().contains("rolling back"));
    List<Task> running = allTasks(ecs).stream().filter(t -> "RUNNING".equals(t.lastStatus())).toList();
    assertThat(running).hasSize(2).noneMatch(t -> before.stream().anyMatch(b -> b.taskArn().equals(t.taskArn())));
    DockerEngine privateEngine = new DockerEngine(engine.host());
    try {
      assertThat(orphans(privateEngine, dataDir, ecs)).isEmpty();
    } finally {
      privateEngine.close();
    }
    System.out.printf("engine outage: the emulator noticed the engine back after %d ms, resynced after %d ms, "
            + "the service was stable again after %d ms (exit codes %s)%n",
        (noticed - back) / 1_000_000, (resynced - back) / 1_000_000, (recovered - back) / 1_000_000,
        before.stream().map(t -> task(ecs, t.taskArn()).containers().get(0).exitCode()).toList());
  }
}
