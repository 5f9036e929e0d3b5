package dev.ecsemulator.api.operations;

import static dev.ecsemulator.api.support.AwsErrors.DEFAULT_SCOPE;
import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.model.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;

/** TagResource, UntagResource and ListTagsForResource through the real AWS SDK v2, for every taggable kind. */
class TagOperationsTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  @Test
  void clusterTagsAreAddedReplacedListedAndRemoved() {
    String arn = ecs.createCluster(b -> b.clusterName("web").tags(tag("a", "1"), tag("b", "2"))).cluster().clusterArn();

    ecs.tagResource(b -> b.resourceArn(arn).tags(tag("b", "20"), tag("c", "3")));
    assertThat(ecs.listTagsForResource(b -> b.resourceArn(arn)).tags())
        .containsExactly(tag("a", "1"), tag("b", "20"), tag("c", "3"));

    ecs.untagResource(b -> b.resourceArn(arn).tagKeys("a", "not-there"));
    assertThat(ecs.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsExactly(tag("b", "20"), tag("c", "3"));
    assertThat(ecs.describeClusters(b -> b.clusters("web").include(ClusterField.TAGS)).clusters().get(0).tags())
        .containsExactly(tag("b", "20"), tag("c", "3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"task-definition/web:1", "task/web/0123456789abcdef0123456789abcdef",
      "service/web/api", "container-instance/web/4f1c", "capacity-provider/FARGATE"})
  void everyTaggableKindIsTagged(String resource) {
    ecs.createCluster(b -> b.clusterName("web"));
    seedResources();
    String arn = Arns.of(DEFAULT_SCOPE, resource);

    ecs.tagResource(b -> b.resourceArn(arn).tags(tag("env", "test")));
    assertThat(ecs.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsExactly(tag("env", "test"));
    ecs.untagResource(b -> b.resourceArn(arn).tagKeys("env"));
    assertThat(ecs.listTagsForResource(b -> b.resourceArn(arn)).tags()).isEmpty();
  }

  @Test
  void capacityProviderTagsShowWithIncludeTags() {
    String arn = ecs.createCapacityProvider(b -> b.name("asg")
        .autoScalingGroupProvider(a -> a.autoScalingGroupArn("arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:x:autoScalingGroupName/g")))
        .capacityProvider().capacityProviderArn();
    ecs.tagResource(b -> b.resourceArn(arn).tags(tag("k", "v")));

    assertThat(ecs.describeCapacityProviders(b -> b.capacityProviders("asg").include(CapacityProviderField.TAGS))
        .capacityProviders().get(0).tags()).containsExactly(tag("k", "v"));
    assertThat(ecs.describeCapacityProviders(b -> b.capacityProviders("asg")).capacityProviders().get(0).tags()).isEmpty();
  }

  @Test
  void unknownResourcesAndInvalidArnsGetAwsErrors() {
    ecs.createCluster(b -> b.clusterName("web"));
    assertAwsError(() -> ecs.listTagsForResource(b -> b.resourceArn("arn:aws:ecr:us-east-1:000000000000:repository/x")),
        InvalidParameterException.class, "The ARN provided is invalid.");
    assertAwsError(() -> ecs.tagResource(b -> b.resourceArn("web").tags(tag("k", "v"))),
        InvalidParameterException.class, "The ARN provided is invalid.");
    assertAwsError(() -> ecs.listTagsForResource(b -> b.resourceArn(Arns.cluster(DEFAULT_SCOPE, "nope"))),
        ClusterNotFoundException.class, "Cluster not found.");
    assertAwsError(() -> ecs.tagResource(b -> b.resourceArn(Arns.taskDefinition(DEFAULT_SCOPE, "web", 9)).tags(tag("k", "v"))),
        ResourceNotFoundException.class, "The specified resource wasn't found.");
    assertAwsError(() -> ecs.untagResource(b -> b.resourceArn(Arns.service(DEFAULT_SCOPE, "web", "nope")).tagKeys("k")),
        ResourceNotFoundException.class, "The specified resource wasn't found.");
    assertAwsError(() -> ecs.tagResource(b -> b.resourceArn(Arns.of(DEFAULT_SCOPE, "service/api")).tags(tag("k", "v"))),
        InvalidParameterException.class, "Long arn format must be used for tagging operations");
  }

  @Test
  void limitsAndReservedPrefixAsAws() {
    String arn = ecs.createCluster(b -> b.clusterName("web")).cluster().clusterArn();
    List<Tag> forty = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      forty.add(tag("k" + i, "v"));
    }
    ecs.tagResource(b -> b.resourceArn(arn).tags(forty));
    List<Tag> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(tag("n" + i, "v"));
    }

    assertAwsError(() -> ecs.tagResource(b -> b.resourceArn(arn).tags(eleven)), InvalidParameterException.class,
        "A resource can have at most 50 tags.");
    assertAwsError(() -> ecs.tagResource(b -> b.resourceArn(arn).tags(tag("aws:owner", "me"))),
        InvalidParameterException.class, "Tag keys starting with 'aws:' are reserved for AWS use.");
    assertAwsError(() -> ecs.untagResource(b -> b.resourceArn(arn).tagKeys("AWS:x")),
        InvalidParameterException.class, "Tag keys starting with 'aws:' are reserved for AWS use.");
    assertThat(ecs.listTagsForResource(b -> b.resourceArn(arn)).tags()).hasSize(40);
  }

  @Test
  void aDeletedClustersTagsAreGone() {
    String arn = ecs.createCluster(b -> b.clusterName("web").tags(tag("k", "v"))).cluster().clusterArn();
    ecs.deleteCluster(b -> b.cluster("web"));

    assertAwsError(() -> ecs.listTagsForResource(b -> b.resourceArn(arn)), ClusterNotFoundException.class,
        "Cluster not found.");
    ecs.createCluster(b -> b.clusterName("web"));
    assertThat(ecs.listTagsForResource(b -> b.resourceArn(arn)).tags()).isEmpty();
  }

  /**
   * Creates one resource of each kind in cluster "web": the task definition and the service through the
   * API; a stopped task and a container instance in the store (no operation makes those without Docker).
   */
  private static void seedResources() {
    String definitionArn = ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(c -> c
        .name("app").image("ecs-emulator/sample-web:1").memory(64))).taskDefinition().taskDefinitionArn();
    ecs.createService(b -> b.cluster("web").serviceName("api").taskDefinition(definitionArn).desiredCount(0));
    emulator.emulator().store().write(DEFAULT_SCOPE, txn -> {
      txn.put(EcsKinds.TASK, EcsKinds.taskKey("web", "0123456789abcdef0123456789abcdef"), Task.builder()
          .taskArn(Arns.task(DEFAULT_SCOPE, "web", "0123456789abcdef0123456789abcdef")).taskDefinitionArn(definitionArn)
          .lastStatus("STOPPED").desiredStatus("STOPPED").containers(java.util.List.of()).build());
      txn.put(EcsKinds.CONTAINER_INSTANCE, EcsKinds.containerInstanceKey("web", "4f1c"),
          ContainerInstance.builder().containerInstanceArn(Arns.containerInstance(DEFAULT_SCOPE, "web", "4f1c")).status("ACTIVE").build());
      return null;
    });
  }
}
