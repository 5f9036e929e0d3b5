package dev.ecsemulator.core.error;

/** AWS error {@code ServiceDeploymentNotFoundException}: The service deployment does not exist. */
public final class ServiceDeploymentNotFoundException extends EcsException {
  public ServiceDeploymentNotFoundException(String message) {
    super(message);
  }
}
