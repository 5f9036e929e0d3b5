package dev.ecsemulator.core.autoscaling;

import dev.ecsemulator.core.Scope;
import java.util.OptionalInt;

/**
 * The port through which Application Auto Scaling acts on what it scales: for the emulator, ECS services
 * ({@code ServiceNamespace} {@code ecs}, {@code ScalableDimension} {@code ecs:service:DesiredCount}, resource IDs
 * {@code service/CLUSTER/SERVICE}). Application Auto Scaling decides; an implementation only reads and sets the
 * count. Implementations must be thread-safe: they are called from request threads (RegisterScalableTarget,
 * scheduled actions) and from the metrics loop (alarm actions).
 */
public interface ScalableTargetActuator {

  /** Whether the resource exists (RegisterScalableTarget refuses one that does not, as AWS does). */
  boolean exists(Scope scope, String resourceId);

  /** The resource's current desired count; empty when it is gone. */
  OptionalInt desiredCount(Scope scope, String resourceId);

  /**
   * Sets the desired count through the service, as UpdateService would (the service's own events follow).
   *
   * @throws RuntimeException with a message for the scaling activity when the service refuses it (gone, inactive)
   */
  void setDesiredCount(Scope scope, String resourceId, int desiredCount);

  /** Whether a deployment of the resource is in progress: Application Auto Scaling does not scale in meanwhile. */
  boolean deploymentInProgress(Scope scope, String resourceId);
}
