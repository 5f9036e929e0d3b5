package dev.ecsemulator.core.service;

/**
 * ECS's wording for service errors. Where a public capture of AWS's answer exists, it is cited; the
 * others are the emulator's own and listed as unverified in docs/differences-from-aws.md.
 */
public final class ServiceMessages {

  private ServiceMessages() {}

  /** CreateService with the name of an ACTIVE or DRAINING service (hashicorp/terraform-provider-aws#23462). */
  public static final String NOT_IDEMPOTENT = "Creation of service was not idempotent.";

  /** DeleteService of a scaled-up REPLICA service without force (reference §1; moto's ECS backend). */
  public static final String SCALED_ABOVE_ZERO = "The service cannot be stopped while it is scaled above 0.";

  /** A DAEMON service given a desiredCount (kayac/ecspresso#20, fabfuel/ecs-deploy#59, gruntwork-io/cloud-nuke#219). */
  public static final String DAEMON_DESIRED_COUNT = "The daemon scheduling strategy does not support a desired count for"
      + " services. Remove the desired count value and try again";

  /** A DAEMON service given placement strategies (kayac/ecspresso#402). */
  public static final String DAEMON_PLACEMENT_STRATEGY = "The daemon scheduling strategy does not support placement"
      + " strategies. Remove the placement strategy and try again";

  /** A DAEMON service with a capacity provider strategy, its own or the cluster's (aws/containers-roadmap#692). */
  public static final String DAEMON_CAPACITY_PROVIDER = "Specifying a capacity provider strategy is not supported when"
      + " you create a service using the DAEMON scheduling strategy.";

  /** A DAEMON service on Fargate: documented (Model docs of schedulingStrategy); <b>unverified</b> wording. */
  public static final String DAEMON_FARGATE = "The DAEMON scheduling strategy is not supported for tasks using the"
      + " FARGATE launch type.";

  /** Placement constraints on Fargate (quoted in GetSimpl/cloudlift#138). */
  public static final String FARGATE_PLACEMENT_CONSTRAINTS =
      "Placement constraints are not supported with FARGATE launch type.";

  /** A load balancer naming a container the task definition lacks (aws/amazon-ecs-agent#1276, boltops-tools/ufo#114). */
  public static String containerNotInTaskDefinition(String container) {
    return "The container " + container + " does not exist in the task definition.";
  }

  /** A load balancer port the container does not map (pulumi/pulumi-awsx#1172). */
  public static String targetGroupNotFound(String targetGroupArn) {
    return "The target group with targetGroupArn " + targetGroupArn + " does not exist."; // unverified wording
  }

  /** terraform-provider-aws users' reports of CreateService (hashicorp/terraform#32908). */
  public static String targetGroupWithoutLoadBalancer(String targetGroupArn) {
    return "The target group with targetGroupArn " + targetGroupArn + " does not have an associated load balancer.";
  }

  /**
   * A target group whose target type does not fit the task definition's network mode (users' reports of CreateService:
   * riboseinc/terraform-aws-ecs-gitlab#5 for instance with awsvpc, hashicorp/terraform#24266 for ip with bridge).
   */
  public static String targetTypeIncompatible(String targetGroupArn, String targetType, String networkMode) {
    return "The provided target group " + targetGroupArn + " has target type " + targetType
        + ", which is incompatible with the " + networkMode + " network mode specified in the task definition.";
  }

  public static String containerPortNotDefined(String container, int port) {
    return "The container " + container + " did not have a container port " + port + " defined.";
  }

  /** A load balancer without a container name (aws/amazon-ecs-cli#359). */
  public static final String CONTAINER_NAME_BLANK = "Container Name can not be blank.";

  /** The task definition cannot run with the launch type (sil-org/ecs-deploy#134: InvalidParameterException on UpdateService). */
  public static String launchTypeNotSupported(String launchType) {
    return "Task definition does not support launch_type " + launchType + ".";
  }

  /** A platform version with the EC2 launch type (quoted in docker/compose-cli and terraform modules). */
  public static final String PLATFORM_VERSION_ON_EC2 = "The platform version must be null when specifying an EC2"
      + " launch type.";

  // ---- unverified wording (docs/differences-from-aws.md) -----------------------------------------------

  public static final String NAME_INVALID = "Invalid service name. Up to 255 letters (uppercase and lowercase),"
      + " numbers, underscores, and hyphens are allowed.";

  public static final String DESIRED_COUNT_REQUIRED =
      "The desired count is required for services using the REPLICA scheduling strategy.";

  public static final String DESIRED_COUNT_NEGATIVE = "The desired count must not be negative.";

  public static final String GRACE_PERIOD_NEGATIVE = "The health check grace period must not be negative.";

  public static final String PERCENT_NEGATIVE =
      "minimumHealthyPercent and maximumPercent must not be negative.";

  public static final String TASK_DEFINITION_REQUIRED = "A task definition is required for services using the ECS"
      + " deployment controller.";

  public static final String TOO_MANY_CONSTRAINTS = "A service can have at most 10 placement constraints.";

  public static final String TOO_MANY_STRATEGIES = "A service can have at most 5 placement strategy rules.";

  public static final String MEMBER_OF_NEEDS_EXPRESSION =
      "A memberOf placement constraint requires an expression.";

  public static final String DISTINCT_INSTANCE_NO_EXPRESSION =
      "A distinctInstance placement constraint cannot have an expression.";

  public static String strategyNeedsField(String type) {
    return "A " + type + " placement strategy requires a field.";
  }

  public static final String ONE_SERVICE_REGISTRY =
      "A service can be associated with only one service registry.";

  public static final String TOO_MANY_SERVICES = "services cannot have more than 10 elements.";

  public static final String SERVICES_EMPTY = "Services cannot be empty.";

  public static final String TOO_MANY_ARNS = "You can specify a maximum of 20 ARNs.";

  public static final String ARNS_EMPTY = "At least one ARN must be specified.";

}
