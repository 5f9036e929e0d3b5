package dev.ecsemulator.api.operations;

import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A Fargate task's {@code ephemeralStorage}: its task definition's or its overrides', else 20 GiB, and AWS's 21–200
 * GiB range, through the AWS SDK v2. Without a Docker engine: what is checked is what RunTask answers and
 * DescribeTasks keeps (the tasks themselves fail to start).
 */
class EphemeralStorageTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.withoutDocker();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  static void register(String family, Integer sizeInGiB) {
    ecs.registerTaskDefinition(b -> b.family(family).networkMode(NetworkMode.AWSVPC)
        .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
        .ephemeralStorage(sizeInGiB == null ? null : EphemeralStorage.builder().sizeInGiB(sizeInGiB).build())
        .containerDefinitions(c -> c.name("app").image("ecs-emulator/sample-web:1")));
  }

  static Task runFargate(String family, Consumer<RunTaskRequest.Builder> more) {
    Task task = ecs.runTask(b -> more.accept(b.taskDefinition(family).launchType(LaunchType.FARGATE)
        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-1"))))).tasks().get(0);
    assertThat(ecs.describeTasks(b -> b.tasks(task.taskArn())).tasks().get(0).ephemeralStorage())
        .as("DescribeTasks says what RunTask said").isEqualTo(task.ephemeralStorage());
    return task;
  }

  @Test
  void aFargateTaskReportsTheSizeOfItsDefinitionOrOverridesElseTwentyGiB() {
    register("plain", null);
    register("large", 120);

    assertThat(runFargate("plain", b -> {}).ephemeralStorage().sizeInGiB()).isEqualTo(20);
    assertThat(runFargate("large", b -> {}).ephemeralStorage().sizeInGiB()).isEqualTo(120);
    Task overridden = runFargate("large", b -> b.overrides(o -> o.ephemeralStorage(e -> e.sizeInGiB(200))));
    assertThat(overridden.ephemeralStorage().sizeInGiB()).isEqualTo(200);
    assertThat(overridden.overrides().ephemeralStorage().sizeInGiB()).isEqualTo(200);
    assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition("large")).taskDefinition().ephemeralStorage()
        .sizeInGiB()).isEqualTo(120);
  }

  @Test
  void sizesOutside21To200GiBAreRefusedWithAwsWords() {
    assertAwsError(() -> register("small", 20), ClientException.class, "EphemeralStorage size should be at least 21");
    assertAwsError(() -> register("huge", 201), ClientException.class, "EphemeralStorage size should be at most 200");
    register("edges", 21);
    register("edges", 200);

    assertAwsError(() -> runFargate("edges", b -> b.overrides(o -> o.ephemeralStorage(e -> e.sizeInGiB(10)))),
        InvalidParameterException.class, "EphemeralStorage size should be at least 21");
    assertAwsError(() -> runFargate("edges", b -> b.overrides(o -> o.ephemeralStorage(e -> e.sizeInGiB(500)))),
        InvalidParameterException.class, "EphemeralStorage size should be at most 200");
  }
}
