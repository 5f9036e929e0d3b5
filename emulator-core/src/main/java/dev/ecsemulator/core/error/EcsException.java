package dev.ecsemulator.core.error;

/**
 * An error of the ECS API: one subclass per ECS error code, carrying AWS's message (see {@link AwsException}).
 */
public abstract class EcsException extends AwsException {

  protected EcsException(String message) {
    super(message);
  }
}
