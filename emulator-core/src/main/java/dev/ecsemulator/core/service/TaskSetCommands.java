package dev.ecsemulator.core.service;

import static dev.ecsemulator.core.EcsKinds.SERVICE;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.ServiceNotActiveException;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.CreateTaskSetRequest;
import dev.ecsemulator.core.model.DeleteTaskSetRequest;
import dev.ecsemulator.core.model.Scale;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskSet;
import dev.ecsemulator.core.model.UpdateServicePrimaryTaskSetRequest;
import dev.ecsemulator.core.model.UpdateTaskSetRequest;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.tag.ResourceTagging;
import dev.ecsemulator.core.tag.TagRules;
import dev.ecsemulator.core.task.LaunchTypes;
import dev.ecsemulator.core.taskdef.TaskDefinitions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * CreateTaskSet, UpdateTaskSet, UpdateServicePrimaryTaskSet and DeleteTaskSet: validate and record the task sets
 * of an EXTERNAL service, each in one store transaction. The sets live in the service record ({@code taskSets}),
 * so the store keeps one source of state; nothing here starts or stops a task: the service scheduler runs each
 * set's computedDesiredCount of tasks and removes a DRAINING set once its tasks are gone. Thread-safe.
 */
public final class TaskSetCommands {

  private final StateStore store;
  private final Ids ids;
  private final Clock clock;

  /** @param ids where new task set IDs ({@code ecs-svc/} + 19 digits, as deployments') come from */
  public TaskSetCommands(StateStore store, Ids ids, Clock clock) {
    this.store = store;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * CreateTaskSet: a new ACTIVE set (UpdateServicePrimaryTaskSet makes one PRIMARY), STABILIZING, with the task
   * definition, launch settings, network configuration, load balancers and service registries its tasks run with.
   *
   * @throws InvalidParameterException for a service that is not EXTERNAL, or a sixth task set
   */
  public TaskSet create(Scope scope, CreateTaskSetRequest request) {
    List<Tag> tags = TagRules.validate(request.tags());
    Scale scale = TaskSets.scale(request.scale());
    ServiceRules.checkServiceRegistries(request.serviceRegistries());
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      Cluster cluster = Clusters.require(txn, scope, request.cluster());
      Service service = requireExternal(txn, scope, cluster, request.service());
      List<TaskSet> sets = TaskSets.of(service);
      if (sets.size() >= TaskSets.MAX_PER_SERVICE) {
        throw new InvalidParameterException(TaskSetMessages.tooMany(sets.size()));
      }
      TaskDefinition td = TaskDefinitions.resolveForLaunch(txn, scope, request.taskDefinition());
      ServiceLaunch launch = ServiceLaunch.resolve(request.launchType(), request.capacityProviderStrategy(), cluster,
          false, request.platformVersion());
      ServiceRules.checkCompatible(td, launch.taskLaunchType());
      LaunchTypes.checkNetworkConfiguration(td, request.networkConfiguration());
      ServiceRules.checkPlacement(service.placementConstraints(), service.placementStrategy(), launch.fargate());
      ServiceRules.checkLoadBalancers(request.loadBalancers(), td);
      ServiceRules.checkTargetGroups(request.loadBalancers(), txn);
      String id = ids.deploymentId();
      TaskSet created = TaskSet.builder()
          .id(id)
          .taskSetArn(Arns.taskSet(scope, cluster.clusterName(), service.serviceName(), id))
          .serviceArn(service.serviceArn())
          .clusterArn(cluster.clusterArn())
          .externalId(request.externalId())
          .status(TaskSetStatus.ACTIVE.name())
          .taskDefinition(td.taskDefinitionArn())
          .pendingCount(0)
          .runningCount(0)
          .createdAt(now)
          .updatedAt(now)
          .launchType(launch.launchType())
          .capacityProviderStrategy(launch.capacityProviderStrategy())
          .platformVersion(launch.deploymentPlatformVersion())
          .platformFamily(launch.platformFamily())
          .networkConfiguration(request.networkConfiguration())
          .loadBalancers(request.loadBalancers() == null ? List.of() : request.loadBalancers())
          .serviceRegistries(request.serviceRegistries() == null ? List.of() : request.serviceRegistries())
          .scale(scale)
          // The aws-cli example of create-task-set answers STABILIZING; the scheduler's first pass decides.
          .stabilityStatus(StabilityStatus.STABILIZING.name())
          .stabilityStatusAt(now)
          .build();
      List<TaskSet> next = new ArrayList<>(sets);
      next.add(created);
      Service updated = TaskSets.withComputedCounts(service.toBuilder().taskSets(next).build());
      put(txn, cluster, updated);
      ResourceTagging.put(txn, created.taskSetArn(), tags);
      return TaskSets.require(updated, id);
    });
  }

  /**
   * UpdateTaskSet: "updates only the scale parameter for a task set" (Guide); its computedDesiredCount follows.
   *
   * @throws TaskSetNotFoundException for a set the service lacks
   */
  public TaskSet update(Scope scope, UpdateTaskSetRequest request) {
    Scale scale = TaskSets.scale(request.scale());
    Instant now = clock.instant();
    return change(scope, request.cluster(), request.service(), request.taskSet(), service -> {
      TaskSet set = requireLive(service, request.taskSet());
      return TaskSets.replace(service, set.toBuilder().scale(scale).updatedAt(now).build());
    });
  }

  /**
   * UpdateServicePrimaryTaskSet: the set becomes PRIMARY and the PRIMARY before it ACTIVE; DescribeServices then
   * shows the new primary's settings (task definition, launch, network, load balancers).
   */
  public TaskSet updatePrimary(Scope scope, UpdateServicePrimaryTaskSetRequest request) {
    Instant now = clock.instant();
    return change(scope, request.cluster(), request.service(), request.primaryTaskSet(), service -> {
      TaskSet chosen = requireLive(service, request.primaryTaskSet());
      List<TaskSet> sets = TaskSets.of(service).stream().map(t -> {
        if (t.id().equals(chosen.id())) {
          return TaskSetStatus.PRIMARY.is(t.status()) ? t
              : t.toBuilder().status(TaskSetStatus.PRIMARY.name()).updatedAt(now).build();
        }
        return TaskSetStatus.PRIMARY.is(t.status())
            ? t.toBuilder().status(TaskSetStatus.ACTIVE.name()).updatedAt(now).build() : t;
      }).toList();
      return service.toBuilder().taskSets(sets).build();
    });
  }

  /**
   * DeleteTaskSet: the set becomes DRAINING, wants no task, and is answered so; the scheduler stops its tasks and
   * then removes it. A DRAINING set is answered as it is.
   *
   * @throws InvalidParameterException for a set still scaled above 0 without {@code force} ("If true, you can
   *     delete a task set even if it hasn't been scaled down to zero", Model docs)
   */
  public TaskSet delete(Scope scope, DeleteTaskSetRequest request) {
    Instant now = clock.instant();
    return change(scope, request.cluster(), request.service(), request.taskSet(), service -> {
      TaskSet set = TaskSets.require(service, request.taskSet());
      if (TaskSetStatus.DRAINING.is(set.status())) {
        return service;
      }
      if (set.computedDesiredCount() != null && set.computedDesiredCount() > 0 && !Boolean.TRUE.equals(request.force())) {
        throw new InvalidParameterException(TaskSetMessages.SCALED_ABOVE_ZERO);
      }
      return TaskSets.replace(service, set.toBuilder().status(TaskSetStatus.DRAINING.name()).updatedAt(now).build());
    });
  }

  /**
   * The service a task set request names: found, EXTERNAL and ACTIVE.
   *
   * @throws dev.ecsemulator.core.error.ServiceNotFoundException when there is none
   * @throws InvalidParameterException when it is not EXTERNAL
   * @throws ServiceNotActiveException when it is DRAINING or INACTIVE
   */
  static Service requireExternal(StateView view, Scope scope, Cluster cluster, String serviceRef) {
    Service service = ServiceLookup.require(view, scope, cluster.clusterName(), serviceRef);
    if (!DeploymentControllerType.external(service)) {
      throw new InvalidParameterException(TaskSetMessages.NOT_EXTERNAL);
    }
    if (!ServiceStatus.ACTIVE.is(service.status())) {
      throw new ServiceNotActiveException();
    }
    return service;
  }

  /** One change of the service's task sets, stored with every computedDesiredCount recomputed; answers the set. */
  private TaskSet change(Scope scope, String clusterRef, String serviceRef, String taskSetRef,
      UnaryOperator<Service> change) {
    return store.write(scope, txn -> {
      Cluster cluster = Clusters.require(txn, scope, clusterRef);
      Service service = requireExternal(txn, scope, cluster, serviceRef);
      Service updated = TaskSets.withComputedCounts(change.apply(service));
      if (!updated.equals(service)) {
        put(txn, cluster, updated);
      }
      return TaskSets.require(updated, taskSetRef);
    });
  }

  private static TaskSet requireLive(Service service, String ref) {
    TaskSet set = TaskSets.require(service, ref);
    if (TaskSetStatus.DRAINING.is(set.status())) {
      throw new InvalidParameterException(TaskSetMessages.DRAINING);
    }
    return set;
  }

  private static void put(StateTxn txn, Cluster cluster, Service service) {
    txn.put(SERVICE, EcsKinds.serviceKey(cluster.clusterName(), service.serviceName()), service);
  }
}
