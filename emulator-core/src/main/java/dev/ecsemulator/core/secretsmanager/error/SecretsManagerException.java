package dev.ecsemulator.core.secretsmanager.error;

import dev.ecsemulator.core.error.AwsException;

/**
 * An error of the Secrets Manager API: one subclass per AWS error code, carrying AWS's message. Its error shapes name
 * the message member {@code Message}; the protocol reads that from the model.
 */
public abstract class SecretsManagerException extends AwsException {

  protected SecretsManagerException(String message) {
    super(message);
  }
}
