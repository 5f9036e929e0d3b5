package dev.ecsemulator.api.operations;

import static dev.ecsemulator.api.support.AwsErrors.DEFAULT_SCOPE;
import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.cluster.ClusterListing;
import dev.ecsemulator.core.cluster.DeletedCluster;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Task;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandLogging;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ResourceInUseException;
import software.amazon.awssdk.services.ecs.model.Tag;

/** Every cluster operation through the real AWS SDK v2. */
class ClusterOperationsTest {

  /**
   * Without a Docker engine, so that the tasks {@link #seedTask} places keep the state they are given: a
   * task placed on the local instance waits while its engine does not answer (with one, the task engine
   * would observe and stop them). No test here needs a container.
   */
  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension(config ->
      config.withDockerHost("unix://" + Path.of(config.dataDir().toString(), "no-docker.sock")));
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  static String arn(String name) {
    return "arn:aws:ecs:us-east-1:000000000000:cluster/" + name;
  }

  @Test
  void createStoresEverythingAndIsIdempotent() {
    Cluster created = ecs.createCluster(b -> b.clusterName("web")
        .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enhanced").build())
        .configuration(c -> c.executeCommandConfiguration(e -> e.logging(ExecuteCommandLogging.DEFAULT)))
        .capacityProviders("FARGATE", "FARGATE_SPOT")
        .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1).build())
        .serviceConnectDefaults(s -> s.namespace("web.local"))
        .tags(Tag.builder().key("team").value("a").build())).cluster();

    assertThat(created.clusterArn()).isEqualTo(arn("web"));
    assertThat(created.status()).isEqualTo("ACTIVE");
    assertThat(created.runningTasksCount()).isZero();
    assertThat(created.pendingTasksCount()).isZero();
    assertThat(created.activeServicesCount()).isZero();
    assertThat(created.registeredContainerInstancesCount()).isZero();
    assertThat(created.statistics()).isEmpty();
    assertThat(created.tags()).containsExactly(Tag.builder().key("team").value("a").build());
    assertThat(created.settings()).containsExactly(
        ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enhanced").build());
    assertThat(created.configuration().executeCommandConfiguration().logging()).isEqualTo(ExecuteCommandLogging.DEFAULT);
    assertThat(created.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
    assertThat(created.defaultCapacityProviderStrategy()).containsExactly(
        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1).base(0).build());
    assertThat(created.serviceConnectDefaults().namespace()).isEqualTo("web.local");

    Cluster again = ecs.createCluster(b -> b.clusterName("web")).cluster();
    assertThat(again).isEqualTo(created);
    assertThat(ecs.listClusters().clusterArns()).containsExactly(arn("web"));
  }

  @Test
  void containerInsightsDefaultsFromTheAccountSetting() {
    assertThat(ecs.createCluster(b -> b.clusterName("a")).cluster().settings()).containsExactly(
        ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled").build());

    ecs.putAccountSettingDefault(b -> b.name("containerInsights").value("enabled"));

    assertThat(ecs.createCluster(b -> b.clusterName("b")).cluster().settings()).containsExactly(
        ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled").build());
  }

  @Test
  void describeShowsOptionalMembersOnlyWhenIncluded() {
    ecs.createCluster(b -> b.clusterName("web").tags(Tag.builder().key("k").value("v").build())
        .configuration(c -> c.executeCommandConfiguration(e -> e.kmsKeyId("key"))));

    Cluster plain = ecs.describeClusters(b -> b.clusters("web")).clusters().get(0);
    assertThat(plain.statistics()).isEmpty();
    assertThat(plain.tags()).isEmpty();
    assertThat(plain.settings()).isEmpty();
    assertThat(plain.hasCapacityProviders()).isTrue();
    assertThat(plain.configuration()).isNull();
    assertThat(plain.hasAttachments()).isFalse();

    Cluster full = ecs.describeClusters(b -> b.clusters("web").include(ClusterField.knownValues())).clusters().get(0);
    assertThat(full.tags()).containsExactly(Tag.builder().key("k").value("v").build());
    assertThat(full.settings()).hasSize(1);
    assertThat(full.configuration().executeCommandConfiguration().kmsKeyId()).isEqualTo("key");
    assertThat(full.hasAttachments()).isTrue();
    assertThat(full.statistics()).extracting(s -> s.name()).contains(
        "runningEC2TasksCount", "runningFargateTasksCount", "pendingEC2TasksCount", "pendingFargateTasksCount",
        "activeEC2ServiceCount", "activeFargateServiceCount", "drainingEC2ServiceCount", "drainingFargateServiceCount");

    Cluster onlyTags = ecs.describeClusters(b -> b.clusters("web").include(ClusterField.TAGS)).clusters().get(0);
    assertThat(onlyTags.tags()).hasSize(1);
    assertThat(onlyTags.settings()).isEmpty();
    assertThat(onlyTags.statistics()).isEmpty();
  }

  @Test
  void unknownClustersAreFailuresWithTheArnAwsWouldBuild() {
    ecs.createCluster(b -> b.clusterName("web"));

    DescribeClustersResponse response = ecs.describeClusters(b -> b.clusters("web", "nope", arn("gone")));

    assertThat(response.clusters()).extracting(Cluster::clusterName).containsExactly("web");
    assertThat(response.failures()).containsExactly(
        Failure.builder().arn(arn("nope")).reason("MISSING").build(),
        Failure.builder().arn(arn("gone")).reason("MISSING").build());
  }

  @Test
  void describeWithoutClustersMeansTheDefaultCluster() {
    assertThat(ecs.describeClusters().failures()).containsExactly(
        Failure.builder().arn(arn("default")).reason("MISSING").build());

    ecs.createCluster();

    assertThat(ecs.describeClusters().clusters()).extracting(Cluster::clusterArn).containsExactly(arn("default"));
  }

  @Test
  void listClustersPaginates() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String name = "c" + i;
      ecs.createCluster(b -> b.clusterName(name));
      expected.add(arn(name));
    }

    List<String> walked = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListClustersResponse page = ecs.listClusters(b -> b.maxResults(3).nextToken(next));
      assertThat(page.clusterArns().size()).isLessThanOrEqualTo(3);
      walked.addAll(page.clusterArns());
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(ecs.listClustersPaginator(b -> b.maxResults(2)).clusterArns()).containsExactlyElementsOf(expected);
    assertAwsError(() -> ecs.listClusters(b -> b.maxResults(101)), InvalidParameterException.class,
        "maxResults must be between 1 and 100.");
  }

  @Test
  void updateClusterAndUpdateClusterSettings() {
    ecs.createCluster(b -> b.clusterName("web"));

    Cluster updated = ecs.updateCluster(b -> b.cluster("web")
        .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled").build())
        .configuration(c -> c.executeCommandConfiguration(e -> e.logging(ExecuteCommandLogging.NONE)))
        .serviceConnectDefaults(s -> s.namespace("ns"))).cluster();
    assertThat(updated.settings().get(0).value()).isEqualTo("enabled");
    assertThat(updated.configuration().executeCommandConfiguration().logging()).isEqualTo(ExecuteCommandLogging.NONE);
    assertThat(updated.serviceConnectDefaults().namespace()).isEqualTo("ns");

    Cluster settings = ecs.updateClusterSettings(b -> b.cluster(arn("web"))
        .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled").build())).cluster();
    assertThat(settings.settings().get(0).value()).isEqualTo("disabled");
    assertThat(settings.configuration().executeCommandConfiguration().logging()).isEqualTo(ExecuteCommandLogging.NONE);

    assertAwsError(() -> ecs.updateClusterSettings(b -> b.cluster("web")
            .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enhaced").build())),
        InvalidParameterException.class, "Invalid setting 'value'");
    assertAwsError(() -> ecs.updateCluster(b -> b.cluster("nope")), ClusterNotFoundException.class, "Cluster not found.");
    assertAwsError(() -> ecs.updateClusterSettings(b -> b.cluster("nope")
            .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled").build())),
        ClusterNotFoundException.class, "Cluster not found.");
  }

  @Test
  void putClusterCapacityProvidersValidatesTheStrategyAgainstTheClustersProviders() {
    ecs.createCluster(b -> b.clusterName("web"));

    Cluster cluster = ecs.putClusterCapacityProviders(b -> b.cluster("web").capacityProviders("FARGATE", "FARGATE_SPOT")
        .defaultCapacityProviderStrategy(
            CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1).base(1).build(),
            CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(3).build())).cluster();
    assertThat(cluster.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
    assertThat(cluster.defaultCapacityProviderStrategy()).hasSize(2);

    assertAwsError(() -> ecs.putClusterCapacityProviders(b -> b.cluster("web").capacityProviders("FARGATE")
            .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(1).build())),
        InvalidParameterException.class, "The specified capacity provider strategy cannot contain a capacity provider "
            + "that is not associated with the cluster. Associate the capacity provider with the cluster or specify a "
            + "valid capacity provider and try again.");
    assertAwsError(() -> ecs.putClusterCapacityProviders(b -> b.cluster("web").capacityProviders("mine")
            .defaultCapacityProviderStrategy(List.of())),
        InvalidParameterException.class,
        "The specified capacity provider was not found. Specify a valid capacity provider and try again.");
    assertAwsError(() -> ecs.putClusterCapacityProviders(b -> b.cluster("nope").capacityProviders(List.of())
        .defaultCapacityProviderStrategy(List.of())), ClusterNotFoundException.class, "Cluster not found.");

    seedTask("web", "t1", "RUNNING", "FARGATE_SPOT");
    assertAwsError(() -> ecs.putClusterCapacityProviders(b -> b.cluster("web").capacityProviders("FARGATE")
            .defaultCapacityProviderStrategy(List.of())),
        ResourceInUseException.class, "The specified capacity provider is in use and cannot be removed.");

    Cluster cleared = ecs.putClusterCapacityProviders(b -> b.cluster("web").capacityProviders("FARGATE", "FARGATE_SPOT")
        .defaultCapacityProviderStrategy(List.of())).cluster();
    assertThat(cleared.defaultCapacityProviderStrategy()).isEmpty();
  }

  @Test
  void aDeletedClusterIsInactiveDescribableListedForAnHourAndCanBeCreatedAgain() {
    ecs.createCluster(b -> b.clusterName("web").capacityProviders("FARGATE")
        .tags(Tag.builder().key("k").value("v").build()));
    ecs.createCluster(b -> b.clusterName("other"));

    Cluster deleted = ecs.deleteCluster(b -> b.cluster("web")).cluster();

    assertThat(deleted.status()).isEqualTo("INACTIVE");
    assertThat(deleted.capacityProviders()).isEmpty();
    // As on AWS, ListClusters still lists it for a while; DescribeClusters tells that it is INACTIVE.
    assertThat(ecs.listClusters().clusterArns()).containsExactly(arn("other"), arn("web"));
    assertThat(ecs.describeClusters(b -> b.clusters(ecs.listClusters().clusterArns())).clusters())
        .extracting(Cluster::status).containsExactly("ACTIVE", "INACTIVE");
    // An hour after its deletion (the emulator's choice, see ClusterListing) it is listed no more.
    emulator.emulator().store().write(DEFAULT_SCOPE, txn -> {
      txn.put(EcsKinds.DELETED_CLUSTER, "web", new DeletedCluster(arn("web"),
          Instant.now().minus(ClusterListing.INACTIVE_LISTED_FOR).minusSeconds(1)));
      return null;
    });
    assertThat(ecs.listClusters().clusterArns()).containsExactly(arn("other"));
    Cluster described = ecs.describeClusters(b -> b.clusters("web").include(ClusterField.TAGS)).clusters().get(0);
    assertThat(described.status()).isEqualTo("INACTIVE");
    assertThat(described.tags()).isEmpty();
    assertThat(ecs.deleteCluster(b -> b.cluster(arn("web"))).cluster().status()).isEqualTo("INACTIVE");
    assertAwsError(() -> ecs.updateCluster(b -> b.cluster("web")), ClusterNotFoundException.class, "Cluster not found.");

    Cluster recreated = ecs.createCluster(b -> b.clusterName("web")).cluster();
    assertThat(recreated.status()).isEqualTo("ACTIVE");
    assertThat(recreated.tags()).isEmpty();
    assertThat(ecs.listClusters().clusterArns()).containsExactly(arn("other"), arn("web"));
    assertAwsError(() -> ecs.deleteCluster(b -> b.cluster("nope")), ClusterNotFoundException.class, "Cluster not found.");
  }

  @Test
  void deleteIsRefusedWhileServicesOrTasksRemain() {
    ecs.createCluster(b -> b.clusterName("web"));
    emulator.emulator().store().write(DEFAULT_SCOPE, txn -> {
      txn.put(EcsKinds.SERVICE, EcsKinds.serviceKey("web", "api"),
          Service.builder().serviceName("api").clusterArn(arn("web")).status("ACTIVE").build());
      return null;
    });
    assertAwsError(() -> ecs.deleteCluster(b -> b.cluster("web")), ClusterContainsServicesException.class,
        "The Cluster cannot be deleted while Services are active.");

    emulator.emulator().store().write(DEFAULT_SCOPE, txn -> txn.remove(EcsKinds.SERVICE, EcsKinds.serviceKey("web", "api")));
    seedTask("web", "t1", "PENDING", null);
    assertAwsError(() -> ecs.deleteCluster(b -> b.cluster("web")), ClusterContainsTasksException.class,
        "The Cluster cannot be deleted while Tasks are active.");
  }

  @Test
  void countersAreLiveFromTheStateOfTasksAndServices() {
    ecs.createCluster(b -> b.clusterName("web"));
    seedTask("web", "t1", "RUNNING", "FARGATE");
    seedTask("web", "t2", "PENDING", "FARGATE");
    emulator.emulator().store().write(DEFAULT_SCOPE, txn -> {
      txn.put(EcsKinds.SERVICE, EcsKinds.serviceKey("web", "api"), Service.builder().serviceName("api")
          .clusterArn(arn("web")).status("ACTIVE").launchType("FARGATE").build());
      return null;
    });

    Cluster cluster = ecs.describeClusters(b -> b.clusters("web").include(ClusterField.STATISTICS)).clusters().get(0);

    assertThat(cluster.runningTasksCount()).isEqualTo(1);
    assertThat(cluster.pendingTasksCount()).isEqualTo(1);
    assertThat(cluster.activeServicesCount()).isEqualTo(1);
    assertThat(cluster.statistics()).anySatisfy(s -> {
      assertThat(s.name()).isEqualTo("runningFargateTasksCount");
      assertThat(s.value()).isEqualTo("1");
    });
  }

  @Test
  void invalidClusterNamesAreRefused() {
    assertAwsError(() -> ecs.createCluster(b -> b.clusterName("has space")), InvalidParameterException.class,
        "Invalid cluster name. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.");
  }

  /**
   * Stores a task as one placed on the local instance whose container was created: complete (the task
   * engine stops a record that lacks what running needs), with a registered task definition.
   */
  static void seedTask(String cluster, String id, String lastStatus, String capacityProvider) {
    String definition = ecs.registerTaskDefinition(b -> b.family("seeded").containerDefinitions(c -> c
        .name("app").image("ecs-emulator/sample-web:1").memory(64))).taskDefinition().taskDefinitionArn();
    String taskArn = Arns.task(DEFAULT_SCOPE, cluster, id);
    emulator.emulator().store().write(DEFAULT_SCOPE, txn -> {
      txn.put(EcsKinds.TASK, EcsKinds.taskKey(cluster, id), Task.builder()
          .taskArn(taskArn).clusterArn(arn(cluster)).taskDefinitionArn(definition)
          .lastStatus(lastStatus).desiredStatus("RUNNING").createdAt(Instant.now()).version(1L)
          .capacityProviderName(capacityProvider).launchType(capacityProvider == null ? "EC2" : "FARGATE")
          .containers(List.of(Container.builder().name("app").taskArn(taskArn).runtimeId("seeded-" + id)
              .lastStatus(lastStatus.equals("RUNNING") ? "RUNNING" : "PENDING").build()))
          .build());
      return null;
    });
  }
}
