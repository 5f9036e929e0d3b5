package dev.ecsemulator.core.error;

/**
 * AWS common error {@code InvalidAction} (HTTP 400): "The action or operation requested is invalid." Every AWS API
 * lists it among its common errors. The emulator answers it for an operation of a service's model that it does not
 * implement, when the service's own model has no error that says so (ECS has UnsupportedFeatureException; Secrets
 * Manager has none): unlike a 5xx it is not retried by the SDKs, and unlike UnknownOperationException it does not
 * claim that the operation does not exist.
 */
public final class InvalidAction extends AwsException {
  public InvalidAction(String message) {
    super(message);
  }
}
