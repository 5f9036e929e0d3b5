package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.TestEmulator;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.task.LaunchSpec;
import dev.ecsemulator.core.task.TaskFactory;
import dev.ecsemulator.core.taskdef.TaskDefinitions;
import java.time.Duration;
import java.time.Instant;
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

  /**
   * An EC2 task placed while the engine answered (then it went away, or the emulator restarted without
   * it) is not failed: as on an instance whose agent disconnected, it waits, and its launch resumes when
   * the engine is back. Regression: it was stopped with TaskFailedToStart like a new Fargate task.
   */
  @Test
  void anEc2TaskPlacedBeforeTheEngineWentAwayWaitsForIt() {
    String arn = ecs.registerTaskDefinition(b -> b.family("placed").containerDefinitions(web("app", 32)))
        .taskDefinition().taskDefinitionArn();
    Scope scope = new Scope("000000000000", "us-east-1");
    StateStore store = emulator.emulator().store();
    TaskDefinition definition = store.read(scope, v -> TaskDefinitions.find(v, scope, arn)).orElseThrow();
    dev.ecsemulator.core.model.Task placed = TaskFactory.create(new LaunchSpec(scope, "default", definition, "EC2",
        null, null, null, null, null, false, null, null), Ids.seeded(6), Instant.now());
    String id = placed.taskArn().substring(placed.taskArn().lastIndexOf('/') + 1);
    store.write(scope, txn -> {
      txn.put(EcsKinds.TASK, EcsKinds.taskKey("default", id), placed);
      return null;
    });

    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
      Task task = ecs.describeTasks(b -> b.tasks(placed.taskArn())).tasks().get(0);
      return "PENDING".equals(task.lastStatus()) && "RUNNING".equals(task.desiredStatus())
          && task.stopCode() == null;
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
