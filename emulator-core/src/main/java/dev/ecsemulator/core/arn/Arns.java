package dev.ecsemulator.core.arn;

import dev.ecsemulator.core.Scope;

/**
 * The one place that builds ECS ARNs, in the current long format (Model docs; Guide
 * {@code ecs-account-settings.md}): resource IDs of tasks, services, container instances and containers
 * include the cluster name.
 */
public final class Arns {

  public static final String PARTITION = "aws";

  private Arns() {}

  public static String of(Scope scope, String resource) {
    return "arn:" + PARTITION + ":ecs:" + scope.region() + ":" + scope.accountId() + ":" + resource;
  }

  public static String cluster(Scope scope, String clusterName) {
    return of(scope, "cluster/" + clusterName);
  }

  public static String taskDefinition(Scope scope, String family, long revision) {
    return of(scope, "task-definition/" + family + ":" + revision);
  }

  public static String task(Scope scope, String clusterName, String taskId) {
    return of(scope, "task/" + clusterName + "/" + taskId);
  }

  public static String service(Scope scope, String clusterName, String serviceName) {
    return of(scope, "service/" + clusterName + "/" + serviceName);
  }

  /** The old format {@code service/NAME}: what DescribeServices reports for a missing service given by name. */
  public static String serviceWithoutCluster(Scope scope, String serviceName) {
    return of(scope, "service/" + serviceName);
  }

  public static String containerInstance(Scope scope, String clusterName, String instanceId) {
    return of(scope, "container-instance/" + clusterName + "/" + instanceId);
  }

  public static String container(Scope scope, String clusterName, String taskId, String containerId) {
    return of(scope, "container/" + clusterName + "/" + taskId + "/" + containerId);
  }

  public static String capacityProvider(Scope scope, String name) {
    return of(scope, "capacity-provider/" + name);
  }

  /** {@code service-revision/CLUSTER/SERVICE/NUMBER}, NUMBER being the deployment's ecs-svc number. */
  public static String serviceRevision(Scope scope, String clusterName, String serviceName, String number) {
    return of(scope, "service-revision/" + clusterName + "/" + serviceName + "/" + number);
  }

  /** {@code service-deployment/CLUSTER/SERVICE/ID}. */
  public static String serviceDeployment(Scope scope, String clusterName, String serviceName, String id) {
    return of(scope, "service-deployment/" + clusterName + "/" + serviceName + "/" + id);
  }

  public static String taskSet(Scope scope, String clusterName, String serviceName, String taskSetId) {
    return of(scope, "task-set/" + clusterName + "/" + serviceName + "/" + taskSetId);
  }
}
