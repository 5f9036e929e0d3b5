package dev.ecsemulator.core.autoscaling;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.autoscaling.error.ObjectNotFoundException;
import dev.ecsemulator.core.autoscaling.error.ValidationException;
import java.util.UUID;

/** Keys, ARNs and the one supported kind of scalable target (ECS service desired count). */
public final class Targets {

  public static final String ECS = "ecs";
  public static final String DESIRED_COUNT = "ecs:service:DesiredCount";

  private Targets() {}

  /** The store key of a target: {@code NAMESPACE|DIMENSION|RESOURCE}. */
  public static String key(String namespace, String dimension, String resourceId) {
    return namespace + "|" + dimension + "|" + resourceId;
  }

  /** Refuses what the emulator does not scale: anything but an ECS service's desired count. */
  public static void checkSupported(String namespace, String dimension, String resourceId) {
    if (!ECS.equals(namespace) || (dimension != null && !DESIRED_COUNT.equals(dimension))) {
      throw new ValidationException("ecs-emulator scales ECS services only: ServiceNamespace ecs and "
          + "ScalableDimension ecs:service:DesiredCount.");
    }
    if (resourceId != null && !resourceId.matches("service/[^/]+/[^/]+")) {
      // Wording unverified.
      throw new ValidationException("Unsupported resource ID " + resourceId + " for service namespace ecs: it must be "
          + "service/CLUSTER/SERVICE.");
    }
  }

  public static ObjectNotFoundException noTarget(String namespace, String dimension, String resourceId) {
    return new ObjectNotFoundException("No scalable target registered for service namespace: " + namespace
        + ", resource ID: " + resourceId + ", scalable dimension: " + dimension);
  }

  public static String targetArn(Scope scope) {
    return "arn:aws:application-autoscaling:" + scope.region() + ":" + scope.accountId() + ":scalable-target/"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 4) + UUID.randomUUID().toString().replace("-", "");
  }

  /** {@code arn:aws:autoscaling:REGION:ACCOUNT:scalingPolicy:UUID:resource/ecs/service/C/S:policyName/NAME}. */
  public static String policyArn(Scope scope, String resourceId, String policyName) {
    return "arn:aws:autoscaling:" + scope.region() + ":" + scope.accountId() + ":scalingPolicy:" + UUID.randomUUID()
        + ":resource/ecs/" + resourceId + ":policyName/" + policyName;
  }

  public static String scheduledActionArn(Scope scope, String resourceId, String name) {
    return "arn:aws:autoscaling:" + scope.region() + ":" + scope.accountId() + ":scheduledAction:" + UUID.randomUUID()
        + ":resource/ecs/" + resourceId + ":scheduledActionName/" + name;
  }
}
