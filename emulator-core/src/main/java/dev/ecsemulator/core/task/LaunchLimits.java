package dev.ecsemulator.core.task;

import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.model.AwsVpcConfiguration;
import dev.ecsemulator.core.model.NetworkConfiguration;
import dev.ecsemulator.core.model.PlacementConstraint;
import dev.ecsemulator.core.model.PlacementStrategy;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.model.TaskOverride;
import dev.ecsemulator.core.taskdef.EphemeralStorageSize;
import java.util.List;

/**
 * The documented size limits of what starts a task (RunTask, StartTask) and of a network configuration (tasks and
 * services), each an {@link InvalidParameterException}. Pure. Sources and wording per constant; "ours" marks a
 * message for which no capture of AWS's answer was found (docs/differences-from-aws.md).
 */
public final class LaunchLimits {

  /**
   * Model RunTaskRequest.startedBy: "Up to 128 letters ...". StartTask's documentation still says 36, an older
   * limit; 128 is applied to both (unverified which StartTask enforces).
   */
  public static final int MAX_STARTED_BY = 128;

  /**
   * API_RunTask, overrides: "A total of 8192 characters are allowed for overrides. This limit includes the JSON
   * formatting characters of the override structure." Measured as the overrides' compact JSON.
   */
  public static final int MAX_OVERRIDES = 8192;

  /** Model RunTaskRequest.clientToken: "Up to 64 characters are allowed." */
  public static final int MAX_CLIENT_TOKEN = 64;

  /** Model AwsVpcConfiguration: "There's a limit of 16 subnets" and "a limit of 5 security groups". */
  public static final int MAX_SUBNETS = 16;
  public static final int MAX_SECURITY_GROUPS = 5;

  /**
   * Model RunTaskRequest: "up to 10 constraints for each task (including constraints in the task definition and
   * those specified at runtime)" and "a maximum of 5 strategy rules for each task".
   */
  public static final int MAX_CONSTRAINTS = 10;
  public static final int MAX_STRATEGIES = 5;

  private LaunchLimits() {}

  /**
   * startedBy, clientToken (null when the operation has none) and overrides (their size, and the ephemeral storage
   * they ask for: {@link EphemeralStorageSize}). Wording: "startedBy longer than N." is
   * AWS's (captured for the older limit of 36: convox/rack#1843, mapbox/ecs-watchbot#78), the clientToken one is
   * ours by analogy; "Container Overrides length must be at most 8192" is AWS's (aws-samples issue
   * sample-autonomous-cloud-coding-agents#502, artilleryio/artillery#2584).
   */
  public static void check(String startedBy, String clientToken, TaskOverride overrides) {
    if (startedBy != null && startedBy.length() > MAX_STARTED_BY) {
      throw new InvalidParameterException("startedBy longer than " + MAX_STARTED_BY + ".");
    }
    if (clientToken != null && clientToken.length() > MAX_CLIENT_TOKEN) {
      throw new InvalidParameterException("clientToken longer than " + MAX_CLIENT_TOKEN + ".");
    }
    if (overrides != null && EcsJson.compact(overrides).length() > MAX_OVERRIDES) {
      throw new InvalidParameterException("Container Overrides length must be at most " + MAX_OVERRIDES);
    }
    // The override takes the task definition's range, in the same words (unverified for RunTask, and whether ECS
    // answers it as InvalidParameterException, as the other override errors, or ClientException).
    EphemeralStorageSize.violation(overrides == null ? null : overrides.ephemeralStorage()).ifPresent(reason -> {
      throw new InvalidParameterException(reason);
    });
  }

  /** RunTask's placement: constraints (with the task definition's) and strategy rules. Wording ours. */
  public static void checkPlacement(TaskDefinition definition, List<PlacementConstraint> constraints,
      List<PlacementStrategy> strategies) {
    int fromDefinition = definition.placementConstraints() == null ? 0 : definition.placementConstraints().size();
    int total = fromDefinition + (constraints == null ? 0 : constraints.size());
    if (total > MAX_CONSTRAINTS) {
      throw new InvalidParameterException("A task can have at most " + MAX_CONSTRAINTS + " placement constraints, "
          + "counting those of its task definition.");
    }
    if (strategies != null && strategies.size() > MAX_STRATEGIES) {
      throw new InvalidParameterException("A task can have at most " + MAX_STRATEGIES + " placement strategy rules.");
    }
  }

  /** Subnets and security groups of an awsvpc configuration. Wording ours. */
  public static void checkNetwork(NetworkConfiguration configuration) {
    AwsVpcConfiguration vpc = configuration == null ? null : configuration.awsvpcConfiguration();
    if (vpc == null) {
      return;
    }
    if (vpc.subnets() != null && vpc.subnets().size() > MAX_SUBNETS) {
      throw new InvalidParameterException("subnets can have at most " + MAX_SUBNETS + " items.");
    }
    if (vpc.securityGroups() != null && vpc.securityGroups().size() > MAX_SECURITY_GROUPS) {
      throw new InvalidParameterException("securityGroups can have at most " + MAX_SECURITY_GROUPS + " items.");
    }
  }
}
