package dev.ecsemulator.core;

import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.cluster.DeletedCluster;
import dev.ecsemulator.core.model.CapacityProvider;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.Index;
import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.core.tag.ResourceTags;
import java.util.List;
import java.util.Optional;

/**
 * The tables of ECS resources in the {@link dev.ecsemulator.core.state.StateStore}, with their key
 * formats. Resources are stored as the API shapes themselves, with {@code tags} left null: tags live in
 * {@link #RESOURCE_TAGS}. Kind names are part of the durable format: never rename one.
 */
public final class EcsKinds {

  private EcsKinds() {}

  /** Key: cluster name. Counters are not stored; they are computed when the cluster is described. */
  public static final Kind<Cluster> CLUSTER = Kind.of("cluster", Cluster.class);

  /** Key: cluster name. When an INACTIVE cluster was deleted (ListClusters lists it for a while). */
  public static final Kind<DeletedCluster> DELETED_CLUSTER = Kind.of("cluster-deleted", DeletedCluster.class);

  /** Key: {@link #taskDefinitionKey}. */
  public static final Kind<TaskDefinition> TASK_DEFINITION = Kind.of("task-definition", TaskDefinition.class);

  /** Key: {@link #taskKey}. */
  public static final Kind<Task> TASK = Kind.of("task", Task.class);

  /**
   * A cluster's tasks by task definition family ({@link #clusterFamily}): ListTasks with {@code family} reads the
   * family's tasks only, however many others the cluster holds.
   */
  public static final Index<Task> TASKS_BY_FAMILY = Index.of("cluster-family", TASK, EcsKinds::clusterFamilyOf);

  /** Key: {@link #serviceKey}. */
  public static final Kind<Service> SERVICE = Kind.of("service", Service.class);

  /** Key: {@link #containerInstanceKey}. */
  public static final Kind<ContainerInstance> CONTAINER_INSTANCE = Kind.of("container-instance", ContainerInstance.class);

  /** Key: capacity provider name. FARGATE and FARGATE_SPOT exist without being stored. */
  public static final Kind<CapacityProvider> CAPACITY_PROVIDER = Kind.of("capacity-provider", CapacityProvider.class);

  /** Key: the resource ARN. */
  public static final Kind<ResourceTags> RESOURCE_TAGS = Kind.of("resource-tags", ResourceTags.class);

  /**
   * Every kind declared here, for the {@link dev.ecsemulator.core.state.KindRegistry} of the composition
   * root (which adds the kinds other packages declare). Add each new constant of this class here too.
   */
  public static List<Kind<?>> all() {
    return List.of(CLUSTER, DELETED_CLUSTER, TASK_DEFINITION, TASK, SERVICE, CONTAINER_INSTANCE, CAPACITY_PROVIDER,
        RESOURCE_TAGS);
  }

  /** Every index declared here, for the same registry. */
  public static List<Index<?>> indexes() {
    return List.of(TASKS_BY_FAMILY);
  }

  /** A value of {@link #TASKS_BY_FAMILY}. */
  public static String clusterFamily(String clusterName, String family) {
    return clusterName + "/" + family;
  }

  /** Null for a task lacking its cluster or task definition (incomplete stored records exist). */
  private static String clusterFamilyOf(Task task) {
    Optional<Arn> cluster = Arn.parse(task.clusterArn());
    Optional<Arn> definition = Arn.parse(task.taskDefinitionArn());
    if (cluster.isEmpty() || definition.isEmpty()) {
      return null;
    }
    String familyAndRevision = definition.get().resourcePath();
    int colon = familyAndRevision.lastIndexOf(':');
    return colon <= 0 ? null : clusterFamily(cluster.get().lastPathElement(), familyAndRevision.substring(0, colon));
  }

  /** Orders revisions numerically within a family: {@code web:000000002} sorts before {@code web:000000010}. */
  public static String taskDefinitionKey(String family, long revision) {
    if (revision < 0) {
      return family + ":" + String.format("%09d", revision);
    }
    // Padded by hand: String.format parses its pattern on every call, and this runs on every task definition read
    // and write (5 % of RegisterTaskDefinition's CPU in the API benchmark's profile).
    String digits = Long.toString(revision);
    return digits.length() >= 9 ? family + ":" + digits : family + ":" + "0".repeat(9 - digits.length()) + digits;
  }

  /**
   * The key prefix of a cluster's tasks, services and container instances (their keys are
   * {@code cluster/ID}), for {@link dev.ecsemulator.core.state.StateView#listByKeyPrefix}.
   */
  public static String clusterKeyPrefix(String clusterName) {
    return clusterName + "/";
  }

  public static String taskKey(String clusterName, String taskId) {
    return clusterName + "/" + taskId;
  }

  public static String serviceKey(String clusterName, String serviceName) {
    return clusterName + "/" + serviceName;
  }

  public static String containerInstanceKey(String clusterName, String instanceId) {
    return clusterName + "/" + instanceId;
  }
}
