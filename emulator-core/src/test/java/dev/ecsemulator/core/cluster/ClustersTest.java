package dev.ecsemulator.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.error.ClusterContainsContainerInstancesException;
import dev.ecsemulator.core.error.ClusterContainsServicesException;
import dev.ecsemulator.core.error.ClusterContainsTasksException;
import dev.ecsemulator.core.error.ClusterNotFoundException;
import dev.ecsemulator.core.error.ResourceInUseException;
import dev.ecsemulator.core.model.Attribute;
import dev.ecsemulator.core.model.CapacityProviderStrategyItem;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.model.CreateClusterRequest;
import dev.ecsemulator.core.model.KeyValuePair;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.InMemoryStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Cluster logic against a real in-memory store, with tasks, services and instances put in directly. */
class ClustersTest {

  static final Scope SCOPE = new Scope("123456789012", "eu-west-1");

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  final InMemoryStateStore store = new InMemoryStateStore();
  final Clusters clusters = at(T0);

  /** The clusters of the same store, as seen at {@code instant}. */
  Clusters at(Instant instant) {
    return new Clusters(store, Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void countersAreComputedFromTasksServicesAndInstancesAtDescribeTime() {
    clusters.create(SCOPE, CreateClusterRequest.builder().clusterName("c").build());
    String arn = Arns.cluster(SCOPE, "c");
    putTask("c", "t1", arn, "RUNNING", "FARGATE");
    putTask("c", "t2", arn, "RUNNING", "EC2");
    putTask("c", "t3", arn, "PENDING", "FARGATE");
    putTask("c", "t4", arn, "PROVISIONING", "FARGATE");
    putTask("c", "t5", arn, "ACTIVATING", "EC2");
    putTask("c", "t6", arn, "STOPPED", "EC2");
    putTask("c", "t7", arn, "DEACTIVATING", "EC2");
    putService("c", "s1", arn, "ACTIVE", "FARGATE");
    putService("c", "s2", arn, "DRAINING", "EC2");
    putService("c", "s3", arn, "INACTIVE", "EC2");
    putInstance("c", "i1", "ACTIVE", false);
    putInstance("c", "i2", "DRAINING", false);
    putInstance("c", "i3", "INACTIVE", false);
    // Another cluster's resources never count.
    putTask("other", "x", Arns.cluster(SCOPE, "other"), "RUNNING", "EC2");

    Cluster cluster = clusters.describe(SCOPE, List.of("c"), List.of("STATISTICS")).clusters().get(0);

    assertThat(cluster.runningTasksCount()).isEqualTo(2);
    assertThat(cluster.pendingTasksCount()).isEqualTo(3);
    assertThat(cluster.activeServicesCount()).isEqualTo(1);
    assertThat(cluster.registeredContainerInstancesCount()).isEqualTo(2);
    Map<String, String> stats = cluster.statistics().stream()
        .collect(Collectors.toMap(KeyValuePair::name, KeyValuePair::value));
    assertThat(stats).containsEntry("runningFargateTasksCount", "1").containsEntry("runningEC2TasksCount", "1")
        .containsEntry("pendingFargateTasksCount", "2").containsEntry("pendingEC2TasksCount", "1")
        .containsEntry("activeFargateServiceCount", "1").containsEntry("drainingEC2ServiceCount", "1")
        .containsEntry("activeEC2ServiceCount", "0");
  }

  @Test
  void deletionIsRefusedWhileServicesTasksOrUserInstancesRemain() {
    clusters.create(SCOPE, CreateClusterRequest.builder().clusterName("c").build());
    String arn = Arns.cluster(SCOPE, "c");

    putService("c", "s", arn, "DRAINING", "EC2");
    assertThatThrownBy(() -> clusters.delete(SCOPE, "c")).isInstanceOf(ClusterContainsServicesException.class)
        .hasMessage("The Cluster cannot be deleted while Services are active.");
    putService("c", "s", arn, "INACTIVE", "EC2");

    putTask("c", "t", arn, "PENDING", "EC2");
    assertThatThrownBy(() -> clusters.delete(SCOPE, "c")).isInstanceOf(ClusterContainsTasksException.class)
        .hasMessage("The Cluster cannot be deleted while Tasks are active.");
    putTask("c", "t", arn, "STOPPED", "EC2");

    putInstance("c", "user", "ACTIVE", false);
    assertThatThrownBy(() -> clusters.delete(SCOPE, "c"))
        .isInstanceOf(ClusterContainsContainerInstancesException.class)
        .hasMessage("The Cluster cannot be deleted while Container Instances are active.");
    putInstance("c", "user", "INACTIVE", false);

    assertThat(clusters.delete(SCOPE, "c").status()).isEqualTo("INACTIVE");
  }

  @Test
  void theEmulatorsOwnLocalInstanceNeverBlocksDeletion() {
    clusters.create(SCOPE, CreateClusterRequest.builder().clusterName("c").build());
    putInstance("c", "local", "ACTIVE", true);

    Cluster deleted = clusters.delete(SCOPE, "c");

    assertThat(deleted.status()).isEqualTo("INACTIVE");
    assertThat(deleted.registeredContainerInstancesCount()).isEqualTo(1);
  }

  @Test
  void aDeletedClusterIsListedForAnHourAfterItsDeletionAndDescribedAfterThat() {
    clusters.create(SCOPE, CreateClusterRequest.builder().clusterName("gone").build());
    clusters.create(SCOPE, CreateClusterRequest.builder().clusterName("kept").build());
    Instant deletedAt = T0.plusSeconds(30);
    at(deletedAt).delete(SCOPE, "gone");
    // Deleting it again answers it again, and does not restart the hour.
    at(deletedAt.plus(Duration.ofMinutes(50))).delete(SCOPE, "gone");

    Instant lastListed = deletedAt.plus(ClusterListing.INACTIVE_LISTED_FOR).minusMillis(1);
    assertThat(at(lastListed).listArns(SCOPE, null, null).items())
        .containsExactly(Arns.cluster(SCOPE, "gone"), Arns.cluster(SCOPE, "kept"));
    Instant anHourLater = deletedAt.plus(ClusterListing.INACTIVE_LISTED_FOR);
    assertThat(at(anHourLater).listArns(SCOPE, null, null).items()).containsExactly(Arns.cluster(SCOPE, "kept"));
    assertThat(at(anHourLater).describe(SCOPE, List.of("gone"), null).clusters())
        .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("INACTIVE"));
  }

  @Test
  void aClusterCreatedAgainAfterItsDeletionIsListedAsActiveForGood() {
    clusters.create(SCOPE, CreateClusterRequest.builder().clusterName("again").build());
    clusters.delete(SCOPE, "again");
    at(T0.plusSeconds(60)).create(SCOPE, CreateClusterRequest.builder().clusterName("again").build());

    assertThat(at(T0.plus(Duration.ofDays(1))).listArns(SCOPE, null, null).items())
        .containsExactly(Arns.cluster(SCOPE, "again"));
    // A cluster deleted before deletions were recorded is not listed.
    store.write(SCOPE, txn -> {
      txn.remove(EcsKinds.DELETED_CLUSTER, "again");
      return null;
    });
    clusters.delete(SCOPE, "again");
    store.write(SCOPE, txn -> {
      txn.remove(EcsKinds.DELETED_CLUSTER, "again");
      return null;
    });
    assertThat(clusters.listArns(SCOPE, null, null).items()).isEmpty();
  }

  @Test
  void requireFindsActiveClustersByNameOrArnAndDefaultsToDefault() {
    clusters.create(SCOPE, CreateClusterRequest.builder().build());
    clusters.create(SCOPE, CreateClusterRequest.builder().clusterName("web").build());

    store.read(SCOPE, view -> {
      assertThat(Clusters.require(view, SCOPE, null).clusterName()).isEqualTo("default");
      assertThat(Clusters.require(view, SCOPE, "").clusterName()).isEqualTo("default");
      assertThat(Clusters.require(view, SCOPE, "web").clusterName()).isEqualTo("web");
      assertThat(Clusters.require(view, SCOPE, Arns.cluster(SCOPE, "web")).clusterName()).isEqualTo("web");
      assertThatThrownBy(() -> Clusters.require(view, SCOPE, "nope"))
          .isInstanceOf(ClusterNotFoundException.class).hasMessage("Cluster not found.");
      assertThatThrownBy(() -> Clusters.require(view, SCOPE, "arn:aws:ecs:us-east-1:123456789012:cluster/web"))
          .isInstanceOf(ClusterNotFoundException.class);
      return null;
    });
    clusters.delete(SCOPE, "web");
    store.read(SCOPE, view -> {
      assertThatThrownBy(() -> Clusters.require(view, SCOPE, "web")).isInstanceOf(ClusterNotFoundException.class);
      return null;
    });
  }

  @Test
  void nameOfReadsNamesAndArns() {
    assertThat(Clusters.nameOf(null)).isEqualTo("default");
    assertThat(Clusters.nameOf("")).isEqualTo("default");
    assertThat(Clusters.nameOf("web")).isEqualTo("web");
    assertThat(Clusters.nameOf("arn:aws:ecs:eu-west-1:123456789012:cluster/web")).isEqualTo("web");
  }

  @Test
  void aCapacityProviderATaskStillUsesCannotBeRemoved() {
    clusters.create(SCOPE, CreateClusterRequest.builder().clusterName("c")
        .capacityProviders(List.of("FARGATE", "FARGATE_SPOT")).build());
    store.write(SCOPE, txn -> {
      txn.put(EcsKinds.TASK, EcsKinds.taskKey("c", "t"), Task.builder().clusterArn(Arns.cluster(SCOPE, "c"))
          .lastStatus("RUNNING").capacityProviderName("FARGATE_SPOT").build());
      return null;
    });

    assertThatThrownBy(() -> clusters.putCapacityProviders(SCOPE, "c", List.of("FARGATE"), List.of()))
        .isInstanceOf(ResourceInUseException.class)
        .hasMessage("The specified capacity provider is in use and cannot be removed.");
    Cluster kept = clusters.putCapacityProviders(SCOPE, "c", List.of("FARGATE", "FARGATE_SPOT"),
        List.of(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1).build()));
    assertThat(kept.defaultCapacityProviderStrategy()).containsExactly(
        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1).base(0).build());
  }

  private void putTask(String cluster, String id, String clusterArn, String lastStatus, String launchType) {
    store.write(SCOPE, txn -> {
      txn.put(EcsKinds.TASK, EcsKinds.taskKey(cluster, id), Task.builder()
          .taskArn(Arns.task(SCOPE, cluster, id)).clusterArn(clusterArn)
          .lastStatus(lastStatus).launchType(launchType).build());
      return null;
    });
  }

  private void putService(String cluster, String name, String clusterArn, String status, String launchType) {
    store.write(SCOPE, txn -> {
      txn.put(EcsKinds.SERVICE, EcsKinds.serviceKey(cluster, name), Service.builder()
          .serviceName(name).clusterArn(clusterArn).status(status).launchType(launchType).build());
      return null;
    });
  }

  private void putInstance(String cluster, String id, String status, boolean local) {
    store.write(SCOPE, txn -> {
      txn.put(EcsKinds.CONTAINER_INSTANCE, EcsKinds.containerInstanceKey(cluster, id), ContainerInstance.builder()
          .containerInstanceArn(Arns.containerInstance(SCOPE, cluster, id)).status(status)
          .attributes(local ? List.of(Attribute.builder().name(ClusterDeletion.LOCAL_INSTANCE_ATTRIBUTE)
              .value("true").build()) : List.of())
          .build());
      return null;
    });
  }
}
