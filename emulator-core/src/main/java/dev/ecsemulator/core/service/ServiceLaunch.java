package dev.ecsemulator.core.service;

import dev.ecsemulator.core.capacity.CapacityProviderRules;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.CapacityProviderStrategyItem;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.task.LaunchTypes;
import dev.ecsemulator.core.task.TaskFactory;
import java.util.List;

/**
 * Where a service's tasks run, as the service shows it and as its deployments record it.
 *
 * @param launchType the service's {@code launchType}: as given, or EC2 when neither it nor a capacity
 *     provider strategy (the service's or the cluster's default) applies; null with a strategy
 * @param capacityProviderStrategy the strategy in force (the service's, else the cluster's default), or
 *     null with a launch type
 * @param taskLaunchType FARGATE or EC2: what the tasks run as
 * @param platformVersion the service's {@code platformVersion} (Fargate only: {@code LATEST} when not given)
 * @param deploymentPlatformVersion what a deployment reports: LATEST resolved to {@value TaskFactory#FARGATE_PLATFORM_VERSION}
 * @param platformFamily {@code Linux} on Fargate (as observed in DescribeServices output), else null
 */
public record ServiceLaunch(
    String launchType,
    List<CapacityProviderStrategyItem> capacityProviderStrategy,
    String taskLaunchType,
    String platformVersion,
    String deploymentPlatformVersion,
    String platformFamily) {

  public boolean fargate() {
    return "FARGATE".equals(taskLaunchType);
  }

  /**
   * Resolves a CreateService or UpdateService request's launch settings against the cluster.
   *
   * @throws InvalidParameterException as ECS: both a launch type and a strategy, DAEMON with a strategy or on
   *     Fargate, a platform version on EC2
   */
  public static ServiceLaunch resolve(String launchType, List<CapacityProviderStrategyItem> strategy, Cluster cluster,
      boolean daemon, String platformVersion) {
    boolean hasStrategy = strategy != null && !strategy.isEmpty();
    List<CapacityProviderStrategyItem> clusterDefault = cluster.defaultCapacityProviderStrategy() == null
        ? List.of() : cluster.defaultCapacityProviderStrategy();
    if (daemon && (hasStrategy || launchType == null && !clusterDefault.isEmpty())) {
      throw new InvalidParameterException(ServiceMessages.DAEMON_CAPACITY_PROVIDER);
    }
    LaunchTypes.Choice choice = LaunchTypes.choose(launchType, strategy, cluster);
    if (daemon && "FARGATE".equals(choice.launchType())) {
      throw new InvalidParameterException(ServiceMessages.DAEMON_FARGATE);
    }
    List<CapacityProviderStrategyItem> effective = null;
    if (launchType == null) {
      List<String> associated = cluster.capacityProviders() == null ? List.of() : cluster.capacityProviders();
      effective = hasStrategy ? CapacityProviderRules.checkStrategy(strategy, associated) : clusterDefault;
      effective = effective.isEmpty() ? null : effective;
    }
    String serviceLaunchType = launchType != null ? launchType : effective == null ? "EC2" : null;
    boolean fargate = "FARGATE".equals(choice.launchType());
    if (!fargate && platformVersion != null) {
      throw new InvalidParameterException(ServiceMessages.PLATFORM_VERSION_ON_EC2);
    }
    String version = fargate ? (platformVersion == null ? "LATEST" : platformVersion) : null;
    String resolved = version == null ? null
        : "LATEST".equals(version) ? TaskFactory.FARGATE_PLATFORM_VERSION : version;
    return new ServiceLaunch(serviceLaunchType, effective, choice.launchType(), version, resolved,
        fargate ? "Linux" : null);
  }
}
