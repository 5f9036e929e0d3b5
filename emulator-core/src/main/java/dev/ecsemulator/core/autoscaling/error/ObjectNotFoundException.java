package dev.ecsemulator.core.autoscaling.error;

/** Application Auto Scaling error {@code ObjectNotFoundException}: no scalable target, policy or scheduled action matches. */
public final class ObjectNotFoundException extends AutoScalingException {
  public ObjectNotFoundException(String message) {
    super(message);
  }
}
