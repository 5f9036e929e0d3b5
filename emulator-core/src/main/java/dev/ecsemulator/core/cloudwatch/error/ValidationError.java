package dev.ecsemulator.core.cloudwatch.error;

/**
 * CloudWatch's {@code ValidationError}: a request that breaks its model's constraints ("1 validation error detected:
 * Value 'x' at 'comparisonOperator' failed to satisfy constraint: ..."), as CloudWatch answers it in the query
 * protocol. Not an error shape of the model, so JSON and CBOR answers carry the same code.
 */
public final class ValidationError extends CloudWatchException {
  public ValidationError(String message) {
    super(message);
  }
}
