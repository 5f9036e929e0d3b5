package dev.ecsemulator.core.task;

import dev.ecsemulator.core.capacity.CapacityProviderCatalog;
import dev.ecsemulator.core.capacity.CapacityProviderRules;
import dev.ecsemulator.core.capacity.CapacitySplit;
import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.UnsupportedFeatureException;
import dev.ecsemulator.core.model.CapacityProviderStrategyItem;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.NetworkConfiguration;
import dev.ecsemulator.core.model.TaskDefinition;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Decides where a task runs (launch type and capacity provider) and checks the network configuration
 * against the task definition, with ECS's messages. Shared by RunTask and the service scheduler.
 */
public final class LaunchTypes {

  /** Where a task runs. */
  public record Choice(String launchType, String capacityProviderName) {}

  private LaunchTypes() {}

  /**
   * The launch type from {@code launchType}, else the capacity provider strategy, else the cluster's
   * default strategy, else EC2 (Model: RunTaskRequest.launchType). FARGATE and FARGATE_SPOT providers
   * mean FARGATE; any other provider means EC2 on the local engine. With a strategy, the provider is the one its
   * first task goes to ({@link CapacitySplit}).
   */
  public static Choice choose(String launchType, List<CapacityProviderStrategyItem> strategy, Cluster cluster) {
    return chooseEach(launchType, strategy, cluster, Map.of(), 1).get(0);
  }

  /**
   * Where each of {@code count} new tasks runs: as {@link #choose}, with a strategy's tasks split among its providers
   * by base and weight ({@link CapacitySplit}), after the tasks {@code placed} already runs on each provider. A
   * strategy never mixes Fargate and Auto Scaling group providers, so every task has the same launch type.
   */
  public static List<Choice> chooseEach(String launchType, List<CapacityProviderStrategyItem> strategy, Cluster cluster,
      Map<String, Integer> placed, int count) {
    boolean hasStrategy = strategy != null && !strategy.isEmpty();
    if (launchType != null && hasStrategy) {
      // Wording seen in AWS answers (public reports of CreateService/RunTask).
      throw new InvalidParameterException(
          "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
    }
    if (launchType != null) {
      if (!launchType.equals("EC2") && !launchType.equals("FARGATE")) {
        throw new UnsupportedFeatureException("ecs-emulator runs EC2 and FARGATE tasks; the " + launchType
            + " launch type is not emulated.");
      }
      return Collections.nCopies(count, new Choice(launchType, null));
    }
    List<CapacityProviderStrategyItem> effective = hasStrategy
        ? CapacityProviderRules.checkStrategy(strategy,
            cluster.capacityProviders() == null ? List.of() : cluster.capacityProviders())
        : cluster.defaultCapacityProviderStrategy() == null ? List.of() : cluster.defaultCapacityProviderStrategy();
    if (effective.isEmpty()) {
      return Collections.nCopies(count, new Choice("EC2", null));
    }
    return CapacitySplit.assign(effective, placed, count).stream()
        .map(provider -> new Choice(CapacityProviderCatalog.isFargate(provider) ? "FARGATE" : "EC2", provider))
        .toList();
  }

  /** The task definition must list the launch type among its compatibilities. */
  public static void checkCompatible(TaskDefinition definition, String launchType) {
    List<String> compatibilities = definition.compatibilities() == null ? List.of("EC2") : definition.compatibilities();
    if (!compatibilities.contains(launchType)) {
      // Wording seen in AWS answers: "Task definition does not support launch_type FARGATE."
      throw new ClientException("Task definition does not support launch_type " + launchType + ".");
    }
  }

  /**
   * awsvpc needs a network configuration with subnets; other modes refuse one (wording from AWS answers
   * quoted in public reports, and moto's ECS backend); at most 16 subnets and 5 security groups
   * ({@link LaunchLimits#checkNetwork}).
   */
  public static void checkNetworkConfiguration(TaskDefinition definition, NetworkConfiguration configuration) {
    boolean awsvpc = "awsvpc".equals(definition.networkMode());
    boolean given = configuration != null && configuration.awsvpcConfiguration() != null;
    if (awsvpc && !given) {
      throw new InvalidParameterException("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }
    if (!awsvpc && given) {
      throw new InvalidParameterException("Network Configuration is not valid for the given networkMode of this task definition.");
    }
    if (awsvpc && (configuration.awsvpcConfiguration().subnets() == null
        || configuration.awsvpcConfiguration().subnets().isEmpty())) {
      throw new InvalidParameterException("subnets can not be empty.");
    }
    LaunchLimits.checkNetwork(configuration);
  }
}
