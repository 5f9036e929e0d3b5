package dev.ecsemulator.core.autoscaling.error;

import dev.ecsemulator.core.error.AwsException;

/** An error of the Application Auto Scaling API: one subclass per error shape of its model, carrying AWS's message. */
public abstract class AutoScalingException extends AwsException {

  protected AutoScalingException(String message) {
    super(message);
  }
}
