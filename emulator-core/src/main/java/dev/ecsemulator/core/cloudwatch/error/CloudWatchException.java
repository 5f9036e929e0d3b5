package dev.ecsemulator.core.cloudwatch.error;

import dev.ecsemulator.core.error.AwsException;

/**
 * An error of the CloudWatch API: one subclass per error shape of its model, named as the shape (the {@code __type}
 * its JSON and CBOR answers carry); the query code SDKs report ({@code InvalidParameterValue} for
 * {@code InvalidParameterValueException}) is read from the model by the protocol ({@code x-amzn-query-error}).
 */
public abstract class CloudWatchException extends AwsException {

  protected CloudWatchException(String message) {
    super(message);
  }
}
