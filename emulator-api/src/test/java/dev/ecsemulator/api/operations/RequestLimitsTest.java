package dev.ecsemulator.api.operations;

import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.EnvironmentFile;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * The size limits AWS documents for ECS requests, each with AWS's answer, through the AWS SDK v2: values beyond them
 * used to be stored whole (a 1 MB startedBy, a task definition of most of a MiB).
 */
class RequestLimitsTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  static ContainerDefinition.Builder app(String name) {
    return ContainerDefinition.builder().name(name).image("ecs-emulator/sample-web:1").memory(32);
  }

  /** An environment of {@code bytes} characters of values in all. */
  static List<KeyValuePair> environment(int bytes) {
    int each = 1000;
    return IntStream.range(0, bytes / each)
        .mapToObj(i -> KeyValuePair.builder().name("V" + i).value("x".repeat(each)).build()).toList();
  }

  @Test
  void aTaskDefinitionIsAtMost64KiBOfJson() {
    assertThatThrownBy(() -> ecs.registerTaskDefinition(b -> b.family("big")
            .containerDefinitions(app("app").environment(environment(70_000)).build())))
        .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .matches("Actual length: '7\\d{4}'\\. Max allowed length is '65536' bytes\\."));

    assertThat(ecs.registerTaskDefinition(b -> b.family("big")
            .containerDefinitions(app("app").environment(environment(60_000)).build()))
        .taskDefinition().revision()).isEqualTo(1);
  }

  @Test
  void aTaskDefinitionHasAtMostTenContainers() {
    List<ContainerDefinition> eleven = IntStream.range(0, 11).mapToObj(i -> app("c" + i).build()).toList();

    assertAwsError(() -> ecs.registerTaskDefinition(b -> b.family("many").containerDefinitions(eleven)),
        ClientException.class, "Too many containers.");
    assertThat(ecs.registerTaskDefinition(b -> b.family("many").containerDefinitions(eleven.subList(0, 10)))
        .taskDefinition().containerDefinitions()).hasSize(10);
  }

  @Test
  void aContainerHasAtMostTenEnvironmentFiles() {
    List<EnvironmentFile> files = IntStream.range(0, 11).mapToObj(i -> EnvironmentFile.builder()
        .type("s3").value("arn:aws:s3:::bucket/f" + i + ".env").build()).toList();

    assertAwsError(() -> ecs.registerTaskDefinition(b -> b.family("files")
            .containerDefinitions(app("app").environmentFiles(files).build())),
        ClientException.class, "Invalid 'environmentFiles' setting for container 'app'.");
  }

  @Test
  void startedByIsAtMost128Characters() {
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(app("app").build()));

    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("web").startedBy("s".repeat(129))),
        InvalidParameterException.class, "startedBy longer than 128.");
    assertAwsError(() -> ecs.startTask(b -> b.taskDefinition("web").startedBy("s".repeat(1_000_000))
            .containerInstances("some-instance")),
        InvalidParameterException.class, "startedBy longer than 128.");
    // Accepted: placed and echoed where an engine answers, an AGENT failure where none does (the *Test lane).
    var accepted = ecs.runTask(b -> b.taskDefinition("web").startedBy("s".repeat(128)));
    assertThat(accepted.tasks().size() + accepted.failures().size()).isEqualTo(1);
    assertThat(accepted.tasks()).allSatisfy(task -> assertThat(task.startedBy()).hasSize(128));
  }

  @Test
  void overridesAreAtMost8192CharactersOfJson() {
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(app("app").build()));
    ContainerOverride big = ContainerOverride.builder().name("app").environment(environment(9000)).build();

    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("web").overrides(o -> o.containerOverrides(big))),
        InvalidParameterException.class, "Container Overrides length must be at most 8192");
  }

  @Test
  void aClientTokenIsAtMost64Characters() {
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(app("app").build()));

    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("web").clientToken("t".repeat(65))),
        InvalidParameterException.class, "clientToken longer than 64.");
  }

  @Test
  void anAwsvpcConfigurationHasAtMost16SubnetsAnd5SecurityGroups() {
    ecs.registerTaskDefinition(b -> b.family("vpc").networkMode(NetworkMode.AWSVPC)
        .containerDefinitions(app("app").build()));
    List<String> subnets = IntStream.range(0, 17).mapToObj(i -> "subnet-" + i).toList();
    List<String> groups = IntStream.range(0, 6).mapToObj(i -> "sg-" + i).toList();

    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("vpc")
            .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnets)))),
        InvalidParameterException.class, "subnets can have at most 16 items.");
    assertAwsError(() -> ecs.createService(b -> b.serviceName("s").taskDefinition("vpc").desiredCount(1)
            .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1").securityGroups(groups)))),
        InvalidParameterException.class, "securityGroups can have at most 5 items.");
  }

  @Test
  void aTaskHasAtMostTenPlacementConstraintsAndFiveStrategies() {
    PlacementConstraint distinct = PlacementConstraint.builder().type(PlacementConstraintType.DISTINCT_INSTANCE).build();
    PlacementStrategy random = PlacementStrategy.builder().type(PlacementStrategyType.RANDOM).build();
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(app("app").build())
        .placementConstraints(c -> c.type("memberOf").expression("attribute:ecs.os-type == linux")));

    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("web")
            .placementConstraints(Collections.nCopies(10, distinct))),
        InvalidParameterException.class, "A task can have at most 10 placement constraints, counting those of its "
            + "task definition.");
    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("web").placementStrategy(Collections.nCopies(6, random))),
        InvalidParameterException.class, "A task can have at most 5 placement strategy rules.");
  }

  @Test
  void tagKeysAndValuesHaveTheModelsLengths() {
    String cluster = ecs.describeClusters().clusters().get(0).clusterArn();
    String longKey = "k".repeat(129);
    String longValue = "v".repeat(257);

    assertAwsError(() -> ecs.tagResource(b -> b.resourceArn(cluster).tags(Tag.builder().key(longKey).value("v").build())),
        InvalidParameterException.class, "1 validation error detected: Value '" + longKey + "' at 'tags.1.member.key' "
            + "failed to satisfy constraint: Member must have length less than or equal to 128");
    assertAwsError(() -> ecs.tagResource(b -> b.resourceArn(cluster).tags(Tag.builder().key("k").value(longValue).build())),
        InvalidParameterException.class, "1 validation error detected: Value '" + longValue + "' at "
            + "'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256");
    assertAwsError(() -> ecs.tagResource(b -> b.resourceArn(cluster).tags(Tag.builder().key("").value("v").build())),
        InvalidParameterException.class, "1 validation error detected: Value '' at 'tags.1.member.key' failed to "
            + "satisfy constraint: Member must have length greater than or equal to 1");
  }
}
