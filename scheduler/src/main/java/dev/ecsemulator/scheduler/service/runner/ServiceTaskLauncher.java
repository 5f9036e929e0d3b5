package dev.ecsemulator.scheduler.service.runner;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.error.EcsException;
import dev.ecsemulator.core.instance.HostResources;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.tag.ResourceTagging;
import dev.ecsemulator.core.task.LaunchSpec;
import dev.ecsemulator.core.task.LaunchTypes;
import dev.ecsemulator.core.task.TaskCreation;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.scheduler.task.TaskRecords;
import dev.ecsemulator.scheduler.service.TaskLaunch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records one launch of a service plan as a new task, through {@link TaskCreation} (the one path that
 * places and records tasks): group {@code service:NAME}, startedBy the deployment ID, the deployment's
 * task definition, launch type or capacity provider (a strategy's providers share the deployment's tasks by
 * base and weight), platform version and network configuration, and the tags the service propagates.
 * Stateless apart from its collaborators; thread-safe.
 */
final class ServiceTaskLauncher {

  private final TaskCreation creation;

  ServiceTaskLauncher(TaskCreation creation) {
    this.creation = creation;
  }

  /**
   * Records the task; false when it could not be placed (no room, no usable capacity provider, or no
   * engine: EC2 placements fail with AGENT, and Fargate launches are not attempted).
   */
  boolean launch(StateTxn txn, ServiceRef ref, Cluster cluster, Service service, Deployment deployment,
      TaskLaunch launch, HostResources host, Instant now) {
    Scope scope = ref.scope();
    // Looked up by its ARN only (ServiceRecords made sure the PRIMARY's is one), so that nothing throws here.
    TaskDefinition definition = TaskRecords.definitionKey(scope, launch.taskDefinition())
        .flatMap(key -> txn.get(EcsKinds.TASK_DEFINITION, key)).orElse(null);
    if (definition == null || cluster == null) {
      return false;
    }
    LaunchTypes.Choice choice;
    try {
      choice = deployment.launchType() != null
          ? new LaunchTypes.Choice(deployment.launchType(), null)
          : LaunchTypes.chooseEach(null, deployment.capacityProviderStrategy(), cluster,
              placedByProvider(txn, ref, deployment.id()), 1).get(0);
    } catch (EcsException e) {
      return false; // the strategy's providers left the cluster: nowhere to place the task
    }
    boolean fargate = "FARGATE".equals(choice.launchType());
    if (fargate && !host.connected()) {
      // Fargate tasks need no instance, but here they need the engine: as on Fargate when capacity is
      // unavailable, the launch is not placed (and retried) rather than recorded to fail at once.
      return false;
    }
    // The cluster and service names come from the service's key: the records may lack them.
    LaunchSpec spec = new LaunchSpec(scope, ref.clusterName(), definition, choice.launchType(),
        choice.capacityProviderName(), launch.containerInstanceArn(), null, ref.taskGroup(),
        launch.deploymentId(), Boolean.TRUE.equals(service.enableExecuteCommand()),
        fargate ? deployment.platformVersion() : null, deployment.networkConfiguration());
    TaskCreation.Result result = creation.create(txn, spec, List.of(launch.taskId()),
        tags(txn, ref, service, definition), host, now);
    return !result.started().isEmpty();
  }

  /**
   * How many tasks of the deployment each capacity provider runs, for the strategy's split: the tasks launched and
   * not asked to stop (this step's earlier launches included: they are in {@code txn}), less any UNHEALTHY one, whose
   * replacement belongs where it was.
   */
  static Map<String, Integer> placedByProvider(StateTxn txn, ServiceRef ref, String deploymentId) {
    Map<String, Integer> placed = new HashMap<>();
    for (Task task : txn.listByKeyPrefix(EcsKinds.TASK, EcsKinds.clusterKeyPrefix(ref.clusterName()))) {
      if (deploymentId.equals(task.startedBy()) && ref.taskGroup().equals(task.group())
          && TaskStatus.RUNNING.is(task.desiredStatus()) && !"UNHEALTHY".equals(task.healthStatus())
          && task.capacityProviderName() != null) {
        placed.merge(task.capacityProviderName(), 1, Integer::sum);
      }
    }
    return placed;
  }

  /**
   * The new task's tags: the service's with propagateTags SERVICE, the task definition's with
   * TASK_DEFINITION (Model docs of CreateService.propagateTags), and with enableECSManagedTags
   * {@code aws:ecs:serviceName} and {@code aws:ecs:clusterName} (Guide {@code ecs-using-tags.md}).
   */
  static List<Tag> tags(StateTxn txn, ServiceRef ref, Service service, TaskDefinition definition) {
    List<Tag> tags = new ArrayList<>();
    if ("SERVICE".equals(service.propagateTags())) {
      tags.addAll(ResourceTagging.get(txn, service.serviceArn()));
    } else if ("TASK_DEFINITION".equals(service.propagateTags())) {
      tags.addAll(ResourceTagging.get(txn, definition.taskDefinitionArn()));
    }
    if (Boolean.TRUE.equals(service.enableECSManagedTags())) {
      tags.add(new Tag("aws:ecs:serviceName", ref.serviceName()));
      tags.add(new Tag("aws:ecs:clusterName", ref.clusterName()));
    }
    return tags;
  }
}
