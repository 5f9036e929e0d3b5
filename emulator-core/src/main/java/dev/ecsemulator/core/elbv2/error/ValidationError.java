package dev.ecsemulator.core.elbv2.error;

/**
 * {@code ValidationError} (HTTP 400): what ELBv2 answers for a request that breaks its model's constraints or its own
 * rules of form ("1 validation error detected: ...", "A listener port must be specified"). No shape of the model
 * declares it: it is the query services' common validation error.
 */
public final class ValidationError extends Elbv2Exception {
  public ValidationError(String message) {
    super(message);
  }
}
