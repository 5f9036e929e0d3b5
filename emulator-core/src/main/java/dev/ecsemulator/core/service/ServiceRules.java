package dev.ecsemulator.core.service;

import dev.ecsemulator.core.elbv2.Elbv2Kinds;
import dev.ecsemulator.core.elbv2.TargetGroupUsage;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.UnsupportedFeatureException;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.CreateServiceRequest;
import dev.ecsemulator.core.model.DeploymentCircuitBreaker;
import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.model.DeploymentController;
import dev.ecsemulator.core.model.LoadBalancer;
import dev.ecsemulator.core.model.PlacementConstraint;
import dev.ecsemulator.core.model.PlacementStrategy;
import dev.ecsemulator.core.model.ServiceRegistry;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.UpdateServiceRequest;
import dev.ecsemulator.core.state.StateView;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks CreateService and UpdateService make beyond what the request validator already checked
 * against the model (types, required members, enums). Pure. Wording: {@link ServiceMessages}.
 */
public final class ServiceRules {

  /** Model docs of CreateService.serviceName: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens". */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  /** Model docs of placementConstraints: "a maximum of 10 constraints"; placementStrategy: "a maximum of 5 strategy rules". */
  public static final int MAX_CONSTRAINTS = 10;
  public static final int MAX_STRATEGIES = 5;

  /** ECS's defaults (Model docs of DeploymentConfiguration): REPLICA 100/200, DAEMON 0/100. */
  public static final int REPLICA_MIN = 100;
  public static final int REPLICA_MAX = 200;
  public static final int DAEMON_MIN = 0;
  public static final int DAEMON_MAX = 100;

  private ServiceRules() {}

  public static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidParameterException(ServiceMessages.NAME_INVALID);
    }
  }

  /** The rolling update (ECS) and EXTERNAL controllers are emulated; CODE_DEPLOY is refused plainly. */
  public static void checkController(DeploymentController controller) {
    if (DeploymentControllerType.CODE_DEPLOY.is(DeploymentControllerType.of(controller))) {
      throw new UnsupportedFeatureException(TaskSetMessages.CODE_DEPLOY);
    }
  }

  /**
   * CreateService for the EXTERNAL controller: "The only required parameter is the service name" and what the
   * task sets hold (task definition, launch type or capacity provider strategy, platform version, load balancers,
   * network configuration, service registries) is given to CreateTaskSet (Guide, deployment-type-external.md);
   * REPLICA only ("considerations" there).
   */
  public static void checkExternalCreate(CreateServiceRequest request, boolean daemon) {
    if (daemon) {
      throw new InvalidParameterException(TaskSetMessages.DAEMON);
    }
    if (request.taskDefinition() != null) {
      throw new InvalidParameterException(TaskSetMessages.TASK_DEFINITION_MUST_BE_BLANK);
    }
    blank("LaunchType", request.launchType());
    blank("CapacityProviderStrategy", request.capacityProviderStrategy());
    blank("PlatformVersion", request.platformVersion());
    blank("LoadBalancers", request.loadBalancers());
    blank("NetworkConfiguration", request.networkConfiguration());
    blank("ServiceRegistries", request.serviceRegistries());
  }

  /**
   * UpdateService of an EXTERNAL service: "you can update only the desired count, task placement constraints and
   * strategies, health check grace period, enable ECS managed tags option, and propagate tags option" (Model docs
   * of UpdateService); the deployment configuration is accepted too, as CreateService takes it (Guide).
   */
  public static void checkExternalUpdate(UpdateServiceRequest request) {
    cannotUpdate("task definition", request.taskDefinition());
    cannotUpdate("capacity provider strategy", request.capacityProviderStrategy());
    cannotUpdate("platform version", request.platformVersion());
    cannotUpdate("load balancers", request.loadBalancers());
    cannotUpdate("network configuration", request.networkConfiguration());
    cannotUpdate("service registries", request.serviceRegistries());
    cannotUpdate("service connect configuration", request.serviceConnectConfiguration());
    cannotUpdate("volume configurations", request.volumeConfigurations());
    if (Boolean.TRUE.equals(request.forceNewDeployment())) {
      throw new InvalidParameterException(TaskSetMessages.cannotUpdate("force new deployment"));
    }
  }

  private static void blank(String member, Object value) {
    if (given(value)) {
      throw new InvalidParameterException(TaskSetMessages.mustBeBlank(member));
    }
  }

  private static void cannotUpdate(String what, Object value) {
    if (given(value)) {
      throw new InvalidParameterException(TaskSetMessages.cannotUpdate(what));
    }
  }

  private static boolean given(Object value) {
    return value != null && !(value instanceof List<?> list && list.isEmpty());
  }

  /** REPLICA needs a desiredCount on creation; DAEMON refuses one (reference §4 and the captures cited). */
  public static void checkDesiredCount(boolean daemon, Integer desiredCount, boolean creating) {
    if (daemon && desiredCount != null) {
      throw new InvalidParameterException(ServiceMessages.DAEMON_DESIRED_COUNT);
    }
    if (!daemon && creating && desiredCount == null) {
      throw new InvalidParameterException(ServiceMessages.DESIRED_COUNT_REQUIRED);
    }
    if (desiredCount != null && desiredCount < 0) {
      throw new InvalidParameterException(ServiceMessages.DESIRED_COUNT_NEGATIVE);
    }
  }

  public static void checkGracePeriod(Integer seconds) {
    if (seconds != null && seconds < 0) {
      throw new InvalidParameterException(ServiceMessages.GRACE_PERIOD_NEGATIVE);
    }
  }

  /**
   * The deployment configuration in force: {@code given} laid over {@code current} (null on creation), then
   * ECS's defaults for what neither sets, including a circuit breaker {@code {enable: false, rollback:
   * false}} as DescribeServices shows it.
   */
  public static DeploymentConfiguration deploymentConfiguration(
      DeploymentConfiguration given, DeploymentConfiguration current, boolean daemon) {
    DeploymentConfiguration base = current != null ? current : DeploymentConfiguration.builder()
        .minimumHealthyPercent(daemon ? DAEMON_MIN : REPLICA_MIN)
        .maximumPercent(daemon ? DAEMON_MAX : REPLICA_MAX)
        .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder().enable(false).rollback(false).build())
        .build();
    if (given == null) {
      BlueGreenRules.checkConfiguration(base, daemon);
      return base;
    }
    DeploymentConfiguration.Builder merged = base.toBuilder();
    if (given.minimumHealthyPercent() != null) {
      merged.minimumHealthyPercent(given.minimumHealthyPercent());
    }
    if (given.maximumPercent() != null) {
      merged.maximumPercent(given.maximumPercent());
    }
    if (given.deploymentCircuitBreaker() != null) {
      DeploymentCircuitBreaker b = given.deploymentCircuitBreaker();
      merged.deploymentCircuitBreaker(DeploymentCircuitBreaker.builder()
          .enable(Boolean.TRUE.equals(b.enable())).rollback(Boolean.TRUE.equals(b.rollback())).build());
    }
    if (given.alarms() != null) {
      merged.alarms(given.alarms());
    }
    if (given.strategy() != null) {
      merged.strategy(given.strategy());
    }
    // The strategy's settings come with it: a new strategy drops the settings of the former one.
    boolean sameStrategy = given.strategy() == null || given.strategy().equals(base.strategy());
    merged.bakeTimeInMinutes(or(given.bakeTimeInMinutes(), sameStrategy ? base.bakeTimeInMinutes() : null));
    merged.linearConfiguration(or(given.linearConfiguration(), sameStrategy ? base.linearConfiguration() : null));
    merged.canaryConfiguration(or(given.canaryConfiguration(), sameStrategy ? base.canaryConfiguration() : null));
    merged.lifecycleHooks(or(given.lifecycleHooks(), base.lifecycleHooks()));
    DeploymentConfiguration result = merged.build();
    BlueGreenRules.checkConfiguration(result, daemon);
    if (result.minimumHealthyPercent() < 0 || result.maximumPercent() < 0) {
      throw new InvalidParameterException(ServiceMessages.PERCENT_NEGATIVE);
    }
    return result;
  }

  private static <T> T or(T given, T current) {
    return given != null ? given : current;
  }

  /** DAEMON refuses placement strategies (capacity provider strategies: {@link ServiceLaunch#resolve}). */
  public static void checkDaemon(boolean daemon, List<PlacementStrategy> placementStrategy) {
    if (daemon && placementStrategy != null && !placementStrategy.isEmpty()) {
      throw new InvalidParameterException(ServiceMessages.DAEMON_PLACEMENT_STRATEGY);
    }
  }

  public static void checkPlacement(List<PlacementConstraint> constraints, List<PlacementStrategy> strategies,
      boolean fargate) {
    if (constraints != null && !constraints.isEmpty()) {
      if (fargate) {
        throw new InvalidParameterException(ServiceMessages.FARGATE_PLACEMENT_CONSTRAINTS);
      }
      if (constraints.size() > MAX_CONSTRAINTS) {
        throw new InvalidParameterException(ServiceMessages.TOO_MANY_CONSTRAINTS);
      }
      for (PlacementConstraint c : constraints) {
        boolean hasExpression = c.expression() != null && !c.expression().isEmpty();
        if ("memberOf".equals(c.type()) && !hasExpression) {
          throw new InvalidParameterException(ServiceMessages.MEMBER_OF_NEEDS_EXPRESSION);
        }
        if ("distinctInstance".equals(c.type()) && hasExpression) {
          throw new InvalidParameterException(ServiceMessages.DISTINCT_INSTANCE_NO_EXPRESSION);
        }
      }
    }
    if (strategies != null) {
      if (strategies.size() > MAX_STRATEGIES) {
        throw new InvalidParameterException(ServiceMessages.TOO_MANY_STRATEGIES);
      }
      for (PlacementStrategy s : strategies) {
        if (("spread".equals(s.type()) || "binpack".equals(s.type())) && (s.field() == null || s.field().isEmpty())) {
          throw new InvalidParameterException(ServiceMessages.strategyNeedsField(s.type()));
        }
      }
    }
  }

  /**
   * Each load balancer names a container of the task definition and one of its container ports (the task engine
   * registers that port of each task with the target group).
   */
  public static void checkLoadBalancers(List<LoadBalancer> loadBalancers, TaskDefinition definition) {
    if (loadBalancers == null) {
      return;
    }
    for (LoadBalancer lb : loadBalancers) {
      if (lb.containerName() == null || lb.containerName().isEmpty()) {
        throw new InvalidParameterException(ServiceMessages.CONTAINER_NAME_BLANK);
      }
      ContainerDefinition container = definition.containerDefinitions().stream()
          .filter(c -> c.name().equals(lb.containerName()))
          .findFirst()
          .orElseThrow(() -> new InvalidParameterException(
              ServiceMessages.containerNotInTaskDefinition(lb.containerName())));
      int port = lb.containerPort() == null ? 0 : lb.containerPort();
      boolean mapped = container.portMappings() != null
          && container.portMappings().stream().anyMatch(p -> p.containerPort() != null && p.containerPort() == port);
      if (!mapped) {
        throw new InvalidParameterException(ServiceMessages.containerPortNotDefined(lb.containerName(), port));
      }
    }
  }

 /**
   * Each load balancer's target group exists in the scope and a listener or rule of a load balancer forwards to it
   * (terraform-provider-aws and cloudposse issues quote "does not have an associated load balancer"; the wording for
   * a group that does not exist is <b>unverified</b>).
   */
  public static void checkTargetGroups(List<LoadBalancer> loadBalancers, StateView view) {
    if (loadBalancers == null) {
      return;
    }
    java.util.Map<String, java.util.Set<String>> usage = null;
    for (LoadBalancer lb : loadBalancers) {
      String arn = lb.targetGroupArn();
      if (arn == null) {
        continue;
      }
      if (view.get(Elbv2Kinds.TARGET_GROUP, arn).isEmpty()) {
        throw new InvalidParameterException(ServiceMessages.targetGroupNotFound(arn));
      }
      usage = usage == null ? TargetGroupUsage.of(view) : usage;
      if (!usage.containsKey(arn)) {
        throw new InvalidParameterException(ServiceMessages.targetGroupWithoutLoadBalancer(arn));
      }
    }
  }

  /**
   * Each existing target group's target type fits the task definition's network mode: {@code ip} for awsvpc,
   * {@code instance} for bridge (the default) and host (ECS developer guide, "Use load balancing to distribute Amazon
   * ECS service traffic": awsvpc tasks need ip targets). Groups that do not exist are left to
   * {@link #checkTargetGroups}.
   */
  public static void checkTargetTypes(List<LoadBalancer> loadBalancers, TaskDefinition definition, StateView view) {
    if (loadBalancers == null) {
      return;
    }
    String mode = definition.networkMode() == null ? "bridge" : definition.networkMode();
    String expected = switch (mode) {
      case "awsvpc" -> "ip";
      case "bridge", "host" -> "instance";
      default -> null;
    };
    if (expected == null) {
      return;
    }
    for (LoadBalancer lb : loadBalancers) {
      if (lb.targetGroupArn() == null) {
        continue;
      }
      view.get(Elbv2Kinds.TARGET_GROUP, lb.targetGroupArn())
          .map(group -> group.targetGroup().targetType())
          .filter(type -> !expected.equals(type))
          .ifPresent(type -> {
            throw new InvalidParameterException(ServiceMessages.targetTypeIncompatible(lb.targetGroupArn(), type, mode));
          });
    }
  }

  /** "Each service may be associated with one service registry" (Model docs of serviceRegistries). */
  public static void checkServiceRegistries(List<ServiceRegistry> registries) {
    if (registries != null && registries.size() > 1) {
      throw new InvalidParameterException(ServiceMessages.ONE_SERVICE_REGISTRY);
    }
  }

  /** The task definition must list the tasks' launch type among its compatibilities. */
  public static void checkCompatible(TaskDefinition definition, String taskLaunchType) {
    List<String> compatibilities = definition.compatibilities() == null ? List.of("EC2") : definition.compatibilities();
    if (!compatibilities.contains(taskLaunchType)) {
      throw new InvalidParameterException(ServiceMessages.launchTypeNotSupported(taskLaunchType));
    }
  }
}
