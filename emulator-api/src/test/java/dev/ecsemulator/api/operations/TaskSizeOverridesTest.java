package dev.ecsemulator.api.operations;

import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;

/**
 * Task-level {@code cpu} and {@code memory} overrides of RunTask, through the AWS SDK: they take the forms
 * RegisterTaskDefinition takes ("512", "1 vCPU", "2 GB"); anything else answers ClientException as registration does,
 * never a server error (the request fuzzer found {@code "memory": "fuzz-c"} answered 500 once).
 */
class TaskSizeOverridesTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.withoutDocker();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void register() {
    ecs.createCluster(b -> b.clusterName("default"));
    ecs.registerTaskDefinition(b -> b.family("sized").containerDefinitions(c -> c.name("app")
        .image("ecs-emulator/sample-web:1").memory(64)));
  }

  @Test
  void sizesThatAreNoNumberAreRefusedAsRegistrationRefusesThem() {
    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("sized").overrides(o -> o.memory("fuzz-c"))),
        ClientException.class, "Invalid 'memory' setting for task.");
    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("sized").overrides(o -> o.cpu("lots"))),
        ClientException.class, "Invalid 'cpu' setting for task.");
    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("sized").overrides(o -> o.memory("0"))),
        ClientException.class, "Invalid 'memory' setting for task.");
  }

  @Test
  void sizesInUnitsAreAccepted() {
    RunTaskResponse answer = ecs.runTask(b -> b.taskDefinition("sized").overrides(o -> o.cpu("0.25 vCPU").memory("1 GB")));

    assertThat(answer.tasks().size() + answer.failures().size()).isEqualTo(1);
    answer.tasks().forEach(task -> assertThat(task.overrides().memory()).isEqualTo("1 GB"));
  }
}
