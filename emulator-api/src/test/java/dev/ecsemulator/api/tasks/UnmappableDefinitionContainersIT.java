package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.LONG;
import static dev.ecsemulator.api.tasks.TaskFixtures.awaitStatus;
import static dev.ecsemulator.api.tasks.TaskFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.TaskDefinition;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A task the scheduler cannot launch for a reason nobody foresaw (here: a stored task definition whose command holds
 * a null, which the API refuses but an older version stored, and which the container mapping cannot take) stops with
 * TaskFailedToStart and a reason instead of staying PENDING, and in a service such a task is a failed launch, so the
 * circuit breaker trips. Against the real engine.
 */
class UnmappableDefinitionContainersIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = emulator.client();
  static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  static final String REASON = "ecs-emulator cannot run this task: it failed unexpectedly (NullPointerException";

  /** Registers a valid definition, then stores its command with a null in it, behind the API's back. */
  static String unmappable(String family) {
    ecs.createCluster(b -> b.clusterName("default"));
    String arn = ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(web("app", 32)))
        .taskDefinition().taskDefinitionArn();
    String key = EcsKinds.taskDefinitionKey(family, 1);
    emulator.emulator().store().write(SCOPE, txn -> {
      TaskDefinition stored = txn.get(EcsKinds.TASK_DEFINITION, key).orElseThrow();
      txn.put(EcsKinds.TASK_DEFINITION, key, stored.toBuilder().containerDefinitions(List.of(
          stored.containerDefinitions().get(0).toBuilder().command(Arrays.asList("sleep", null)).build())).build());
      return null;
    });
    return arn;
  }

  @Test
  void aTaskThatCannotBeLaunchedStopsWithTaskFailedToStart() {
    unmappable("broken");

    String taskArn = ecs.runTask(b -> b.taskDefinition("broken")).tasks().get(0).taskArn();
    Task stopped = awaitStatus(ecs, taskArn, "STOPPED");

    assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.stoppedReason()).startsWith(REASON);
    assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
    assertThat(stopped.containers()).allSatisfy(c -> assertThat(c.lastStatus()).isEqualTo("STOPPED"));
    assertThat(ecs.listTasks(b -> b.desiredStatus(DesiredStatus.RUNNING)).taskArns()).isEmpty();
  }

  @Test
  void inAServiceSuchTasksTripTheCircuitBreaker() {
    String definition = unmappable("broken-service");

    ecs.createService(b -> b.serviceName("web").taskDefinition(definition).desiredCount(1)
        .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(false))));

    await().atMost(LONG).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      Deployment primary = ecs.describeServices(b -> b.services("web")).services().get(0).deployments().get(0);
      assertThat(primary.rolloutStateAsString()).isEqualTo("FAILED");
      assertThat(primary.failedTasks()).isGreaterThanOrEqualTo(3);
    });
    List<String> stopped = ecs.listTasks(b -> b.serviceName("web").desiredStatus(DesiredStatus.STOPPED)).taskArns();
    assertThat(ecs.describeTasks(b -> b.tasks(stopped)).tasks()).isNotEmpty().allSatisfy(t -> {
      assertThat(t.stopCodeAsString()).isEqualTo("TaskFailedToStart");
      assertThat(t.stoppedReason()).startsWith(REASON);
    });
  }
}
