package dev.ecsemulator.core.instance;

import static dev.ecsemulator.core.EcsKinds.CONTAINER_INSTANCE;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.model.DescribeContainerInstancesRequest;
import dev.ecsemulator.core.model.DescribeContainerInstancesResponse;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.ListContainerInstancesRequest;
import dev.ecsemulator.core.model.ListContainerInstancesResponse;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.tag.ResourceTagging;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * ListContainerInstances and DescribeContainerInstances: the cluster's instances, with remaining
 * resources and task counts computed from its tasks at the moment of asking. Thread-safe.
 */
public final class ContainerInstanceQueries {

  /**
   * DescribeContainerInstances: "A list of up to 100 container instance IDs or full Amazon Resource Name (ARN)
   * entries" (Model docs).
   */
  public static final int MAX_DESCRIBE = 100;
  static final String EMPTY = "Container instance cannot be empty.";

  private final StateStore store;
  private final BooleanSupplier agentConnected;

  /** @param agentConnected whether the local Docker engine answers (a cached status; must not block) */
  public ContainerInstanceQueries(StateStore store, BooleanSupplier agentConnected) {
    this.store = store;
    this.agentConnected = agentConnected;
  }

  public ListContainerInstancesResponse list(Scope scope, ListContainerInstancesRequest request) {
    if (request.filter() != null && !request.filter().isBlank()) {
      throw new InvalidParameterException("ecs-emulator does not evaluate cluster query language filters yet.");
    }
    return store.read(scope, view -> {
      Cluster cluster = Clusters.require(view, scope, request.cluster());
      List<ContainerInstance> all = ContainerInstances.inCluster(view, cluster.clusterName()).stream()
          .filter(ci -> request.status() == null || request.status().equals(ci.status()))
          .toList();
      Paging.Page<ContainerInstance> page = Paging.page(all, ContainerInstance::containerInstanceArn,
          request.maxResults(), request.nextToken(), 100, 100);
      return ListContainerInstancesResponse.builder()
          .containerInstanceArns(page.items().stream().map(ContainerInstance::containerInstanceArn).toList())
          .nextToken(page.nextToken())
          .build();
    });
  }

  /**
   * DescribeContainerInstances. An empty list is refused before the cluster is looked up, as DescribeTasks refuses
   * one (which of the two errors ECS raises first for a missing cluster is unverified: no capture shows both).
   *
   * @throws InvalidParameterException "Container instance cannot be empty." (AWS's, gchq/sleeper#3387 through the
   *     Java SDK v2, eagletmt/hako#34), or more than {@value #MAX_DESCRIBE} instances (wording ours)
   * @throws dev.ecsemulator.core.error.ClusterNotFoundException for a missing or INACTIVE cluster
   */
  public DescribeContainerInstancesResponse describe(Scope scope, DescribeContainerInstancesRequest request) {
    if (request.containerInstances().isEmpty()) {
      throw new InvalidParameterException(EMPTY);
    }
    if (request.containerInstances().size() > MAX_DESCRIBE) {
      throw new InvalidParameterException("containerInstances must name between 1 and " + MAX_DESCRIBE
          + " container instances.");
    }
    boolean tags = request.include() != null && request.include().contains("TAGS");
    boolean connected = agentConnected.getAsBoolean();
    return store.read(scope, view -> {
      Cluster cluster = Clusters.require(view, scope, request.cluster());
      List<ContainerInstance> found = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String ref : request.containerInstances()) {
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        var instance = view.get(CONTAINER_INSTANCE, EcsKinds.containerInstanceKey(cluster.clusterName(), id));
        if (instance.isEmpty()) {
          String arn = ref.startsWith("arn:") ? ref : Arns.containerInstance(scope, cluster.clusterName(), id);
          failures.add(Failure.builder().arn(arn).reason("MISSING").build());
          continue;
        }
        ContainerInstance described = ContainerInstances.describe(view, instance.get(), connected);
        found.add(tags ? described.toBuilder()
            .tags(ResourceTagging.get(view, described.containerInstanceArn())).build() : described);
      }
      return DescribeContainerInstancesResponse.builder().containerInstances(found).failures(failures).build();
    });
  }
}
