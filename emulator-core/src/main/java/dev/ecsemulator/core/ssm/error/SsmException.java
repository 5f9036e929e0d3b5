package dev.ecsemulator.core.ssm.error;

import dev.ecsemulator.core.error.AwsException;

/**
 * An error of the SSM API (Parameter Store): one subclass per AWS error code, carrying AWS's message. Most of its
 * error shapes name the message member {@code message}, a few {@code Message}; the protocol reads which from the
 * model. A message never quotes a parameter value.
 */
public abstract class SsmException extends AwsException {

  protected SsmException(String message) {
    super(message);
  }
}
