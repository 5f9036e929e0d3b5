package dev.ecsemulator.api.operations;

import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.UnsupportedFeatureException;

/** The capacity provider operations through the real AWS SDK v2. */
class CapacityProviderOperationsTest {

  static final String ASG = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:1a2b:autoScalingGroupName/";

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  static String arn(String name) {
    return "arn:aws:ecs:us-east-1:000000000000:capacity-provider/" + name;
  }

  static CapacityProvider create(String name) {
    return ecs.createCapacityProvider(b -> b.name(name).autoScalingGroupProvider(a -> a.autoScalingGroupArn(ASG + name)))
        .capacityProvider();
  }

  @Test
  void fargateProvidersAlwaysExist() {
    List<CapacityProvider> providers = ecs.describeCapacityProviders(b -> { }).capacityProviders();

    assertThat(providers).extracting(CapacityProvider::name).containsExactly("FARGATE", "FARGATE_SPOT");
    assertThat(providers).allSatisfy(p -> {
      assertThat(p.statusAsString()).isEqualTo("ACTIVE");
      assertThat(p.autoScalingGroupProvider()).isNull();
      assertThat(p.capacityProviderArn()).isEqualTo(arn(p.name()));
    });
  }

  @Test
  void createFillsAwsDefaultsAndStoresTags() {
    CapacityProvider created = ecs.createCapacityProvider(b -> b.name("my-asg")
        .autoScalingGroupProvider(a -> a.autoScalingGroupArn(ASG + "g").managedScaling(m -> m.status(ManagedScalingStatus.ENABLED)))
        .tags(Tag.builder().key("k").value("v").build())).capacityProvider();

    assertThat(created.capacityProviderArn()).isEqualTo(arn("my-asg"));
    assertThat(created.statusAsString()).isEqualTo("ACTIVE");
    assertThat(created.autoScalingGroupProvider().managedScaling()).isEqualTo(ManagedScaling.builder()
        .status(ManagedScalingStatus.ENABLED).targetCapacity(100).minimumScalingStepSize(1)
        .maximumScalingStepSize(10000).instanceWarmupPeriod(300).build());
    assertThat(created.autoScalingGroupProvider().managedTerminationProtectionAsString()).isEqualTo("DISABLED");
    assertThat(created.autoScalingGroupProvider().managedDrainingAsString()).isEqualTo("ENABLED");
    assertThat(created.tags()).containsExactly(Tag.builder().key("k").value("v").build());

    DescribeCapacityProvidersResponse described = ecs.describeCapacityProviders(b -> b
        .capacityProviders("my-asg", arn("FARGATE"), "missing").include(CapacityProviderField.TAGS));
    assertThat(described.capacityProviders()).extracting(CapacityProvider::name).containsExactly("my-asg", "FARGATE");
    assertThat(described.capacityProviders().get(0).tags()).hasSize(1);
    assertThat(described.failures()).containsExactly(Failure.builder().arn(arn("missing")).reason("MISSING").build());
  }

  @Test
  void describePaginatesAndFiltersByCluster() {
    create("p1");
    create("p2");
    create("p3");
    List<String> walked = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      DescribeCapacityProvidersResponse page = ecs.describeCapacityProviders(b -> b.maxResults(2).nextToken(next));
      assertThat(page.capacityProviders().size()).isLessThanOrEqualTo(2);
      page.capacityProviders().forEach(p -> walked.add(p.name()));
      token = page.nextToken();
    } while (token != null);
    assertThat(walked).containsExactly("p1", "p2", "p3", "FARGATE", "FARGATE_SPOT");
    assertAwsError(() -> ecs.describeCapacityProviders(b -> b.maxResults(11)), InvalidParameterException.class,
        "maxResults must be between 1 and 10.");

    ecs.createCluster(b -> b.clusterName("web").capacityProviders("p2", "FARGATE"));
    assertThat(ecs.describeCapacityProviders(b -> b.cluster("web")).capacityProviders())
        .extracting(CapacityProvider::name).containsExactly("p2", "FARGATE");
    assertAwsError(() -> ecs.describeCapacityProviders(b -> b.cluster("nope")), ClusterNotFoundException.class,
        "Cluster not found.");
  }

  @Test
  void createValidatesAsAws() {
    create("taken");
    assertAwsError(() -> create("FARGATE"), InvalidParameterException.class, "The specified capacity provider name is "
        + "invalid. Capacity provider names can't be prefixed with 'aws', 'ecs', or 'fargate'.");
    assertAwsError(() -> create("aws-thing"), InvalidParameterException.class, "The specified capacity provider name is "
        + "invalid. Capacity provider names can't be prefixed with 'aws', 'ecs', or 'fargate'.");
    assertAwsError(() -> create("bad.name"), InvalidParameterException.class, "The specified capacity provider name is "
        + "invalid. Up to 255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens.");
    assertAwsError(() -> ecs.createCapacityProvider(b -> b.name("none")), InvalidParameterException.class,
        "The autoScalingGroupProvider parameter is required.");
    assertAwsError(() -> create("taken"), ClientException.class, "The specified capacity provider already exists. "
        + "To change the configuration of an existing capacity provider, update the capacity provider.");
    assertAwsError(() -> ecs.createCapacityProvider(b -> b.name("other")
            .autoScalingGroupProvider(a -> a.autoScalingGroupArn(ASG + "taken"))),
        ClientException.class, "The specified Auto Scaling group ARN is already being used by another capacity "
            + "provider. Specify a unique Auto Scaling group ARN and try again.");
    assertAwsError(() -> ecs.createCapacityProvider(b -> b.name("mi").cluster("web")
            .managedInstancesProvider(m -> m.infrastructureRoleArn("arn:aws:iam::000000000000:role/r")
                .instanceLaunchTemplate(t -> t.ec2InstanceProfileArn("arn:aws:iam::000000000000:instance-profile/p")
                    .networkConfiguration(n -> n.subnets("subnet-1"))))),
        UnsupportedFeatureException.class, "ecs-emulator does not support Amazon ECS Managed Instances capacity providers.");
  }

  @Test
  void updateMergesTheGivenSettings() {
    create("asg");

    CapacityProvider answered = ecs.updateCapacityProvider(b -> b.name(arn("asg")).autoScalingGroupProvider(a -> a
        .managedScaling(m -> m.status(ManagedScalingStatus.ENABLED).targetCapacity(50))
        .managedDraining("DISABLED"))).capacityProvider();
    assertThat(answered.updateStatusAsString()).isEqualTo("UPDATE_IN_PROGRESS");
    assertThat(answered.autoScalingGroupProvider().managedScaling().targetCapacity()).isEqualTo(50);

    CapacityProvider described = ecs.describeCapacityProviders(b -> b.capacityProviders("asg")).capacityProviders().get(0);
    assertThat(described.updateStatusAsString()).isEqualTo("UPDATE_COMPLETE");
    assertThat(described.autoScalingGroupProvider().managedScaling().statusAsString()).isEqualTo("ENABLED");
    assertThat(described.autoScalingGroupProvider().managedScaling().maximumScalingStepSize()).isEqualTo(10000);
    assertThat(described.autoScalingGroupProvider().managedDrainingAsString()).isEqualTo("DISABLED");

    assertAwsError(() -> ecs.updateCapacityProvider(b -> b.name("FARGATE").autoScalingGroupProvider(a -> a.managedDraining("ENABLED"))),
        InvalidParameterException.class, "The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be updated.");
    assertAwsError(() -> ecs.updateCapacityProvider(b -> b.name("nope").autoScalingGroupProvider(a -> a.managedDraining("ENABLED"))),
        InvalidParameterException.class, "The specified capacity provider was not found. Specify a valid capacity provider and try again.");
  }

  @Test
  void deleteFailsWhileAssociatedWithAClusterAsAwsReportsIt() {
    create("asg");
    ecs.createCluster(b -> b.clusterName("web").capacityProviders("asg")
        .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("asg").weight(1).build()));
    assertAwsError(() -> ecs.createCluster(b -> b.clusterName("other").capacityProviders("asg")),
        InvalidParameterException.class, "The specified capacity provider asg is already associated with cluster web. "
            + "Specify a capacity provider that isn't associated with another cluster and try again.");
    assertAwsError(() -> ecs.createCluster(b -> b.clusterName("mixed").capacityProviders("FARGATE", "asg2")),
        InvalidParameterException.class, "The specified capacity provider was not found. Specify a valid capacity provider and try again.");

    CapacityProvider failed = ecs.deleteCapacityProvider(b -> b.capacityProvider("asg")).capacityProvider();
    assertThat(failed.statusAsString()).isEqualTo("ACTIVE");
    assertThat(failed.updateStatusAsString()).isEqualTo("DELETE_FAILED");
    assertThat(failed.updateStatusReason()).isEqualTo("The capacity provider cannot be deleted because it is "
        + "associated with cluster: web. Remove the capacity provider from the cluster and try again.");

    ecs.putClusterCapacityProviders(b -> b.cluster("web").capacityProviders(List.of()).defaultCapacityProviderStrategy(List.of()));
    CapacityProvider deleted = ecs.deleteCapacityProvider(b -> b.capacityProvider(arn("asg"))).capacityProvider();
    assertThat(deleted.updateStatusAsString()).isEqualTo("DELETE_IN_PROGRESS");
    assertThat(ecs.describeCapacityProviders(b -> b.capacityProviders("asg")).failures()).hasSize(1);

    assertAwsError(() -> ecs.deleteCapacityProvider(b -> b.capacityProvider("FARGATE")), InvalidParameterException.class,
        "The FARGATE and FARGATE_SPOT capacity providers are reserved and can't be deleted.");
    assertAwsError(() -> ecs.deleteCapacityProvider(b -> b.capacityProvider("asg")), InvalidParameterException.class,
        "The specified capacity provider was not found. Specify a valid capacity provider and try again.");
  }

  @Test
  void aStrategyCannotMixFargateAndAutoScalingProviders() {
    create("asg");
    assertAwsError(() -> ecs.createCluster(b -> b.clusterName("web").capacityProviders("FARGATE", "asg")
            .defaultCapacityProviderStrategy(
                CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1).build(),
                CapacityProviderStrategyItem.builder().capacityProvider("asg").weight(1).build())),
        InvalidParameterException.class, "The specified capacity provider strategy cannot contain a mix of capacity "
            + "providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.");
  }
}
