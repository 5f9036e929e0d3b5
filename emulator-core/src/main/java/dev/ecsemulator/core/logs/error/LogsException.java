package dev.ecsemulator.core.logs.error;

import dev.ecsemulator.core.error.AwsException;

/**
 * An error of the CloudWatch Logs API: one subclass per AWS error code, carrying AWS's message. Its error shapes have
 * no message member, so the protocol writes {@code message}, as CloudWatch Logs does.
 */
public abstract class LogsException extends AwsException {

  protected LogsException(String message) {
    super(message);
  }
}
