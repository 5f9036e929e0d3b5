package dev.ecsemulator.core.cluster;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.error.ClusterContainsContainerInstancesException;
import dev.ecsemulator.core.error.ClusterContainsServicesException;
import dev.ecsemulator.core.error.ClusterContainsTasksException;
import dev.ecsemulator.core.instance.ContainerInstanceStatus;
import dev.ecsemulator.core.model.Attribute;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.ContainerInstance;
import dev.ecsemulator.core.service.ServiceStatus;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.task.TaskStatus;

/**
 * What keeps DeleteCluster from deleting a cluster, checked in this order, with AWS's messages as users
 * have quoted them (coldbrewcloud/coldbrew-cli#35, gruntwork-io/cloud-nuke#368, aws/aws-cli#2078):
 *
 * <ol>
 *   <li>a service whose status is ACTIVE or DRAINING: ClusterContainsServicesException
 *       "The Cluster cannot be deleted while Services are active.";
 *   <li>a task whose lastStatus is not STOPPED: ClusterContainsTasksException
 *       "The Cluster cannot be deleted while Tasks are active.";
 *   <li>a container instance a user registered that is not INACTIVE: ClusterContainsContainerInstancesException
 *       "The Cluster cannot be deleted while Container Instances are active.".
 * </ol>
 *
 * <p><b>The emulator's own instance never blocks deletion.</b> The container instance through which the
 * emulator runs tasks on the local Docker engine is not one a user registered, so a cluster is deletable
 * while it is registered. Such an instance is recognised by the attribute
 * {@value #LOCAL_INSTANCE_ATTRIBUTE} with value {@code true} (see {@link #isEmulatorLocalInstance}): whoever
 * registers the local instance must set it. Pure.
 */
public final class ClusterDeletion {

  /** The attribute that marks the emulator's own container instance on the local Docker engine. */
  public static final String LOCAL_INSTANCE_ATTRIBUTE = "ecs-emulator.local-instance";

  public static final String SERVICES_ACTIVE = "The Cluster cannot be deleted while Services are active.";
  public static final String TASKS_ACTIVE = "The Cluster cannot be deleted while Tasks are active.";
  public static final String INSTANCES_ACTIVE = "The Cluster cannot be deleted while Container Instances are active.";

  private ClusterDeletion() {}

  /** Throws the first reason {@code cluster} cannot be deleted; returns normally when it can. */
  public static void check(StateView view, Cluster cluster) {
    String arn = cluster.clusterArn();
    String prefix = EcsKinds.clusterKeyPrefix(cluster.clusterName());
    if (view.listByKeyPrefix(EcsKinds.SERVICE, prefix).stream().anyMatch(s -> arn.equals(s.clusterArn())
        && (ServiceStatus.ACTIVE.is(s.status()) || ServiceStatus.DRAINING.is(s.status())))) {
      throw new ClusterContainsServicesException(SERVICES_ACTIVE);
    }
    if (view.listByKeyPrefix(EcsKinds.TASK, prefix).stream()
        .anyMatch(t -> arn.equals(t.clusterArn()) && !TaskStatus.STOPPED.is(t.lastStatus()))) {
      throw new ClusterContainsTasksException(TASKS_ACTIVE);
    }
    boolean userInstances = view.listByKeyPrefix(EcsKinds.CONTAINER_INSTANCE, prefix).stream()
        .anyMatch(i -> !ContainerInstanceStatus.INACTIVE.is(i.status()) && !isEmulatorLocalInstance(i));
    if (userInstances) {
      throw new ClusterContainsContainerInstancesException(INSTANCES_ACTIVE);
    }
  }

  /** Whether {@code instance} is the emulator's own local instance (attribute {@value #LOCAL_INSTANCE_ATTRIBUTE}=true). */
  public static boolean isEmulatorLocalInstance(ContainerInstance instance) {
    if (instance.attributes() == null) {
      return false;
    }
    for (Attribute attribute : instance.attributes()) {
      if (LOCAL_INSTANCE_ATTRIBUTE.equals(attribute.name()) && "true".equals(attribute.value())) {
        return true;
      }
    }
    return false;
  }
}
