package dev.ecsemulator.core.service;

import static dev.ecsemulator.core.EcsKinds.SERVICE;
import static dev.ecsemulator.core.service.ServiceKinds.CREATE_REQUEST;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.ServiceNotActiveException;
import dev.ecsemulator.core.error.UnsupportedFeatureException;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.CreateServiceRequest;
import dev.ecsemulator.core.model.DeleteServiceRequest;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.model.DeploymentController;
import dev.ecsemulator.core.model.NetworkConfiguration;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.UpdateServiceRequest;
import dev.ecsemulator.core.service.ServiceKinds.CreateRequestDigest;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.tag.ResourceTagging;
import dev.ecsemulator.core.tag.TagRules;
import dev.ecsemulator.core.task.LaunchTypes;
import dev.ecsemulator.core.taskdef.TaskDefinitions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CreateService, UpdateService and DeleteService: validate, record the desired state and the first (or a
 * new) deployment in one store transaction. Nothing here starts or stops a task: the service scheduler
 * reacts to the stored service. Thread-safe.
 */
public final class ServiceCommands {

  private final StateStore store;
  private final Ids ids;
  private final Clock clock;
  private final List<DeletionListener> deletedListeners = new CopyOnWriteArrayList<>();

  /** @param ids where new deployment IDs come from */
  public ServiceCommands(StateStore store, Ids ids, Clock clock) {
    this.store = store;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * CreateService. The same request again for an ACTIVE service answers that service (unverified: AWS's
   * idempotency beyond {@code clientToken}); any other request naming an ACTIVE or DRAINING service is
   * "Creation of service was not idempotent."; an INACTIVE service's name is free again.
   */
  public Service create(Scope scope, CreateServiceRequest request) {
    String name = request.serviceName();
    ServiceRules.checkName(name);
    List<Tag> tags = TagRules.validate(request.tags());
    ServiceRules.checkController(request.deploymentController());
    String controller = DeploymentControllerType.of(request.deploymentController());
    boolean external = DeploymentControllerType.EXTERNAL.is(controller);
    boolean daemon = SchedulingStrategy.DAEMON.is(request.schedulingStrategy());
    if (external) {
      ServiceRules.checkExternalCreate(request, daemon);
    }
    // "The only required parameter is the service name" for EXTERNAL (Guide): desiredCount 0 when not given.
    ServiceRules.checkDesiredCount(daemon, request.desiredCount(), !external);
    ServiceRules.checkGracePeriod(request.healthCheckGracePeriodSeconds());
    ServiceRules.checkDaemon(daemon, request.placementStrategy());
    ServiceRules.checkServiceRegistries(request.serviceRegistries());
    DeploymentConfiguration configuration =
        ServiceRules.deploymentConfiguration(request.deploymentConfiguration(), null, daemon);
    String digest = digest(request);
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      Cluster cluster = Clusters.require(txn, scope, request.cluster());
      String key = EcsKinds.serviceKey(cluster.clusterName(), name);
      Optional<Service> existing = txn.get(SERVICE, key).filter(s -> !ServiceStatus.INACTIVE.is(s.status()));
      if (existing.isPresent()) {
        boolean retry = ServiceStatus.ACTIVE.is(existing.get().status()) && txn.get(CREATE_REQUEST, key)
            .map(r -> r.digest().equals(digest)).orElse(false);
        if (!retry) {
          throw new InvalidParameterException(ServiceMessages.NOT_IDEMPOTENT);
        }
        return ServiceShapes.show(txn, existing.get(), !tags.isEmpty());
      }
      String arn = Arns.service(scope, cluster.clusterName(), name);
      int desired = daemon || request.desiredCount() == null ? 0 : request.desiredCount();
      Service.Builder builder = Service.builder()
          .serviceArn(arn)
          .serviceName(name)
          .clusterArn(cluster.clusterArn())
          .status(ServiceStatus.ACTIVE.name())
          .desiredCount(desired)
          .runningCount(0)
          .pendingCount(0)
          .deploymentConfiguration(configuration)
          .roleArn(roleArn(scope, request.role()))
          .events(List.of())
          .createdAt(now)
          .placementConstraints(orEmpty(request.placementConstraints()))
          .placementStrategy(orEmpty(request.placementStrategy()))
          .healthCheckGracePeriodSeconds(request.healthCheckGracePeriodSeconds() == null
              ? 0 : request.healthCheckGracePeriodSeconds())
          .schedulingStrategy((daemon ? SchedulingStrategy.DAEMON : SchedulingStrategy.REPLICA).name())
          .deploymentController(DeploymentController.builder().type(controller).build())
          .createdBy("arn:aws:iam::" + scope.accountId() + ":root")
          .enableECSManagedTags(Boolean.TRUE.equals(request.enableECSManagedTags()))
          .propagateTags(request.propagateTags() == null ? "NONE" : request.propagateTags())
          .enableExecuteCommand(Boolean.TRUE.equals(request.enableExecuteCommand()))
          .availabilityZoneRebalancing(request.availabilityZoneRebalancing() != null
              ? request.availabilityZoneRebalancing() : daemon ? "DISABLED" : "ENABLED");
      ServiceHistory.forget(txn, arn);
      Service service;
      if (external) {
        // No deployment and no task: the task sets bring both (CreateTaskSet).
        ServiceRules.checkPlacement(request.placementConstraints(), request.placementStrategy(), false);
        service = builder.loadBalancers(List.of()).serviceRegistries(List.of()).deployments(List.of())
            .taskSets(List.of()).build();
      } else {
        service = withFirstDeployment(txn, scope, cluster, request, builder, configuration, daemon, desired, now);
      }
      txn.put(SERVICE, key, service);
      txn.put(CREATE_REQUEST, key, new CreateRequestDigest(arn, digest));
      ResourceTagging.put(txn, arn, tags);
      return ServiceShapes.show(txn, service, !tags.isEmpty());
    });
  }

  /**
   * UpdateService. A new deployment starts when the task definition, capacity provider strategy,
   * platform version, network configuration, load balancers or service registries change, or with
   * {@code forceNewDeployment}; desiredCount, deploymentConfiguration, placement, grace period and tag
   * settings alone change the service in place (Model docs: "This parameter doesn't trigger a new
   * service deployment").
   *
   * @throws ServiceNotActiveException "Service was not ACTIVE." for a DRAINING or INACTIVE service
   */
  public Service update(Scope scope, UpdateServiceRequest request) {
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      Cluster cluster = Clusters.require(txn, scope, request.cluster());
      Service service = ServiceLookup.require(txn, scope, cluster.clusterName(), request.service());
      if (!ServiceStatus.ACTIVE.is(service.status())) {
        throw new ServiceNotActiveException();
      }
      ServiceRules.checkController(request.deploymentController());
      if (request.deploymentController() != null && !DeploymentControllerType.of(service.deploymentController())
          .equals(DeploymentControllerType.of(request.deploymentController()))) {
        throw new UnsupportedFeatureException(TaskSetMessages.CONTROLLER_CHANGE);
      }
      if (DeploymentControllerType.external(service)) {
        Service result = updateExternal(service, request);
        txn.put(SERVICE, EcsKinds.serviceKey(cluster.clusterName(), service.serviceName()), result);
        return ServiceShapes.show(txn, result, false);
      }
      boolean daemon = SchedulingStrategy.DAEMON.is(service.schedulingStrategy());
      ServiceRules.checkDesiredCount(daemon, request.desiredCount(), false);
      ServiceRules.checkGracePeriod(request.healthCheckGracePeriodSeconds());
      TaskDefinition td = request.taskDefinition() != null
          ? TaskDefinitions.resolveForLaunch(txn, scope, request.taskDefinition())
          : TaskDefinitions.find(txn, scope, service.taskDefinition())
              .orElseThrow(() -> new ClientException("TaskDefinition not found."));
      boolean newStrategy = request.capacityProviderStrategy() != null && !request.capacityProviderStrategy().isEmpty();
      String launchType = newStrategy ? null : service.launchType();
      var strategy = newStrategy ? request.capacityProviderStrategy() : service.capacityProviderStrategy();
      ServiceLaunch launch = ServiceLaunch.resolve(launchType, strategy, cluster, daemon, request.platformVersion());
      if (request.platformVersion() == null && launch.fargate() && service.platformVersion() != null) {
        // The platform version stays while the tasks stay on Fargate.
        launch = ServiceLaunch.resolve(launchType, strategy, cluster, daemon, service.platformVersion());
      }
      ServiceRules.checkCompatible(td, launch.taskLaunchType());
      NetworkConfiguration network = or(request.networkConfiguration(), service.networkConfiguration());
      LaunchTypes.checkNetworkConfiguration(td, network);
      var constraints = or(request.placementConstraints(), service.placementConstraints());
      var strategies = or(request.placementStrategy(), service.placementStrategy());
      ServiceRules.checkDaemon(daemon, request.placementStrategy());
      ServiceRules.checkPlacement(constraints, strategies, launch.fargate());
      var loadBalancers = or(request.loadBalancers(), service.loadBalancers());
      ServiceRules.checkLoadBalancers(loadBalancers, td);
      ServiceRules.checkTargetGroups(request.loadBalancers(), txn);
      ServiceRules.checkTargetTypes(loadBalancers, td, txn);
      var registries = or(request.serviceRegistries(), service.serviceRegistries());
      ServiceRules.checkServiceRegistries(registries);
      DeploymentConfiguration configuration = ServiceRules.deploymentConfiguration(
          request.deploymentConfiguration(), service.deploymentConfiguration(), daemon);
      BlueGreenRules.checkLoadBalancers(loadBalancers, configuration, txn);

      Deployment primary = ServiceShapes.primary(service);
      Deployment spec = ServiceShapes.deploymentSpec(td.taskDefinitionArn(), launch, network).toBuilder()
          .serviceConnectConfiguration(or(request.serviceConnectConfiguration(),
              primary == null ? null : primary.serviceConnectConfiguration()))
          .volumeConfigurations(or(request.volumeConfigurations(), primary == null ? null : primary.volumeConfigurations()))
          .vpcLatticeConfigurations(or(request.vpcLatticeConfigurations(),
              primary == null ? null : primary.vpcLatticeConfigurations()))
          .build();
      boolean deploy = Boolean.TRUE.equals(request.forceNewDeployment())
          || primary == null || !ServiceShapes.runs(primary, spec)
          || !Objects.equals(loadBalancers, service.loadBalancers())
          || !Objects.equals(registries, service.serviceRegistries());
      Service.Builder updated = service.toBuilder()
          .desiredCount(daemon ? service.desiredCount() : or(request.desiredCount(), service.desiredCount()))
          .launchType(launch.launchType())
          .capacityProviderStrategy(launch.capacityProviderStrategy())
          .platformVersion(launch.platformVersion())
          .platformFamily(launch.platformFamily())
          .networkConfiguration(network)
          .placementConstraints(constraints)
          .placementStrategy(strategies)
          .loadBalancers(loadBalancers)
          .serviceRegistries(registries)
          .deploymentConfiguration(configuration)
          .healthCheckGracePeriodSeconds(or(request.healthCheckGracePeriodSeconds(),
              service.healthCheckGracePeriodSeconds()))
          .enableExecuteCommand(or(request.enableExecuteCommand(), service.enableExecuteCommand()))
          .enableECSManagedTags(or(request.enableECSManagedTags(), service.enableECSManagedTags()))
          .propagateTags(or(request.propagateTags(), service.propagateTags()))
          .availabilityZoneRebalancing(or(request.availabilityZoneRebalancing(), service.availabilityZoneRebalancing()));
      Service result = updated.build();
      if (deploy) {
        List<Deployment> next = Deployments.withNewPrimary(service.deployments(), spec, ids, now);
        result = result.toBuilder().deployments(next).taskDefinition(td.taskDefinitionArn()).build();
        String current = ServiceHistory.started(txn, result, next.get(0), now);
        result = result.toBuilder().currentServiceDeployment(current).build();
      }
      txn.put(SERVICE, EcsKinds.serviceKey(cluster.clusterName(), service.serviceName()), result);
      return ServiceShapes.show(txn, result, false);
    });
  }

  /**
   * DeleteService: ACTIVE becomes DRAINING with desiredCount 0 and the scheduler stops its tasks, then
   * makes it INACTIVE. A DRAINING or INACTIVE service is answered as it is (aws/aws-sdk-js#4189: deleting
   * an INACTIVE service succeeds and returns it).
   *
   * @throws InvalidParameterException "The service cannot be stopped while it is scaled above 0." for a
   *     REPLICA service with desiredCount above 0, without {@code force}
   */
  public Service delete(Scope scope, DeleteServiceRequest request) {
    String[] deleted = new String[2];
    Service shown = store.write(scope, txn -> {
      Cluster cluster = Clusters.require(txn, scope, request.cluster());
      Service service = ServiceLookup.require(txn, scope, cluster.clusterName(), request.service());
      if (!ServiceStatus.ACTIVE.is(service.status())) {
        return ServiceShapes.show(txn, service, false);
      }
      boolean daemon = SchedulingStrategy.DAEMON.is(service.schedulingStrategy());
      int desired = service.desiredCount() == null ? 0 : service.desiredCount();
      if (!daemon && desired > 0 && !Boolean.TRUE.equals(request.force())) {
        throw new InvalidParameterException(ServiceMessages.SCALED_ABOVE_ZERO);
      }
      Service draining = service.toBuilder().status(ServiceStatus.DRAINING.name()).desiredCount(0).build();
      txn.put(SERVICE, EcsKinds.serviceKey(cluster.clusterName(), service.serviceName()), draining);
      // Model docs of CreateService.tags: "When a service is deleted, the tags are deleted as well."
      ResourceTagging.remove(txn, service.serviceArn());
      deleted[0] = cluster.clusterName();
      deleted[1] = service.serviceName();
      return ServiceShapes.show(txn, draining, false);
    });
    if (deleted[0] != null) {
      deletedListeners.forEach(listener -> listener.deleted(scope, deleted[0], deleted[1]));
    }
    return shown;
  }

  /**
   * Calls {@code listener} once for each service that DeleteService takes from ACTIVE to DRAINING, after that change
   * is stored, on the deleting thread (other services' resources that belong to the service, such as its scalable
   * target, go with it). A listener's exception reaches the DeleteService caller.
   */
  public void onDeleted(DeletionListener listener) {
    deletedListeners.add(listener);
  }

  /** What {@link #onDeleted} calls. */
  @FunctionalInterface
  public interface DeletionListener {
    void deleted(Scope scope, String clusterName, String serviceName);
  }

  /** An ECS-controlled service's task definition, launch settings and first deployment, checked and recorded. */
  private Service withFirstDeployment(StateTxn txn, Scope scope, Cluster cluster, CreateServiceRequest request,
      Service.Builder builder, DeploymentConfiguration configuration, boolean daemon, int desired, Instant now) {
    if (request.taskDefinition() == null) {
      throw new InvalidParameterException(ServiceMessages.TASK_DEFINITION_REQUIRED);
    }
    TaskDefinition td = TaskDefinitions.resolveForLaunch(txn, scope, request.taskDefinition());
    ServiceLaunch launch = ServiceLaunch.resolve(request.launchType(), request.capacityProviderStrategy(), cluster,
        daemon, request.platformVersion());
    ServiceRules.checkCompatible(td, launch.taskLaunchType());
    LaunchTypes.checkNetworkConfiguration(td, request.networkConfiguration());
    ServiceRules.checkPlacement(request.placementConstraints(), request.placementStrategy(), launch.fargate());
    ServiceRules.checkLoadBalancers(request.loadBalancers(), td);
    ServiceRules.checkTargetGroups(request.loadBalancers(), txn);
    ServiceRules.checkTargetTypes(request.loadBalancers(), td, txn);
    BlueGreenRules.checkLoadBalancers(request.loadBalancers(), configuration, txn);
    Deployment spec = ServiceShapes.deploymentSpec(td.taskDefinitionArn(), launch, request.networkConfiguration())
        .toBuilder()
        .serviceConnectConfiguration(request.serviceConnectConfiguration())
        .volumeConfigurations(request.volumeConfigurations())
        .vpcLatticeConfigurations(request.vpcLatticeConfigurations())
        .build();
    List<Deployment> initial = new ArrayList<>(Deployments.initial(spec, ids, now));
    // CreateService's answer shows the first deployment already targeting the service's desired count.
    initial.set(0, initial.get(0).toBuilder().desiredCount(desired).build());
    Service service = builder
        .loadBalancers(orEmpty(request.loadBalancers()))
        .serviceRegistries(orEmpty(request.serviceRegistries()))
        .launchType(launch.launchType())
        .capacityProviderStrategy(launch.capacityProviderStrategy())
        .platformVersion(launch.platformVersion())
        .platformFamily(launch.platformFamily())
        .taskDefinition(td.taskDefinitionArn())
        .deployments(initial)
        .networkConfiguration(request.networkConfiguration())
        .build();
    String current = ServiceHistory.started(txn, service, initial.get(0), now);
    return service.toBuilder().currentServiceDeployment(current).build();
  }

  /**
   * UpdateService of an EXTERNAL service: only what the service itself holds changes ({@link
   * ServiceRules#checkExternalUpdate}); its task sets' computedDesiredCount follows a new desiredCount at once.
   */
  private static Service updateExternal(Service service, UpdateServiceRequest request) {
    ServiceRules.checkExternalUpdate(request);
    ServiceRules.checkDesiredCount(false, request.desiredCount(), false);
    ServiceRules.checkGracePeriod(request.healthCheckGracePeriodSeconds());
    var constraints = or(request.placementConstraints(), service.placementConstraints());
    var strategies = or(request.placementStrategy(), service.placementStrategy());
    ServiceRules.checkPlacement(constraints, strategies, false);
    Service updated = service.toBuilder()
        .desiredCount(or(request.desiredCount(), service.desiredCount()))
        .placementConstraints(constraints)
        .placementStrategy(strategies)
        .deploymentConfiguration(ServiceRules.deploymentConfiguration(
            request.deploymentConfiguration(), service.deploymentConfiguration(), false))
        .healthCheckGracePeriodSeconds(or(request.healthCheckGracePeriodSeconds(),
            service.healthCheckGracePeriodSeconds()))
        .enableExecuteCommand(or(request.enableExecuteCommand(), service.enableExecuteCommand()))
        .enableECSManagedTags(or(request.enableECSManagedTags(), service.enableECSManagedTags()))
        .propagateTags(or(request.propagateTags(), service.propagateTags()))
        .availabilityZoneRebalancing(or(request.availabilityZoneRebalancing(), service.availabilityZoneRebalancing()))
        .build();
    return TaskSets.withComputedCounts(updated);
  }

  /** The service-linked role unless a role is given (name or ARN), as observed in DescribeServices output. */
  private static String roleArn(Scope scope, String role) {
    if (role == null || role.isEmpty()) {
      return "arn:aws:iam::" + scope.accountId() + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS";
    }
    if (role.startsWith("arn:")) {
      return role;
    }
    return "arn:aws:iam::" + scope.accountId() + ":role/" + (role.startsWith("/") ? role.substring(1) : role);
  }

  private static <T> T or(T given, T current) {
    return given != null ? given : current;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String digest(CreateServiceRequest request) {
    try {
      return EcsJson.mapper().writeValueAsString(request.toBuilder().clientToken(null).build());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
