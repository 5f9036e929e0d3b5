package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.TestEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Without a Docker engine the API still answers, and work that needs containers fails as ECS fails: an
 * EC2 placement as for a disconnected agent, a Fargate task STOPPED with TaskFailedToStart.
 */
class NoDockerTaskTest {

  static TestEmulator emulator;
  static EcsClient ecs;

  @BeforeAll
  static void start() {
    emulator = TestEmulator.start(config ->
        config.withDockerHost("unix://" + Path.of(config.dataDir().toString(), "no-docker.sock")));
    ecs = emulator.client();
    ecs.createCluster(b -> b.clusterName("default"));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void anEc2PlacementFailsWithReasonAgent() {
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(web("app", 32)));

    var response = ecs.runTask(b -> b.taskDefinition("web").count(2));

    assertThat(response.tasks()).isEmpty();
    assertThat(response.failures()).hasSize(2).allSatisfy(f -> {
      assertThat(f.reason()).isEqualTo("AGENT");
      assertThat(f.arn()).contains(":container-instance/default/");
    });
  }

  @Test
  void aFargateTaskStopsWithTaskFailedToStart() {
    ecs.registerTaskDefinition(b -> b.family("fg").networkMode(NetworkMode.AWSVPC)
        .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
        .containerDefinitions(web("app", 64)));

    Task started = ecs.runTask(b -> b.taskDefinition("fg").launchType(LaunchType.FARGATE)
        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))).tasks().get(0);
    Task stopped = awaitStatus(ecs, started.taskArn(), "STOPPED");

    assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.stoppedReason()).startsWith("ResourceInitializationError:").contains("does not answer");
  }
}
