package dev.ecsemulator.core.error;

/** AWS error {@code ServiceNotFoundException}: The service does not exist in the cluster. */
public final class ServiceNotFoundException extends EcsException {
  public static final String DEFAULT_MESSAGE = "Service not found.";

  /** With AWS's usual message: {@value #DEFAULT_MESSAGE} */
  public ServiceNotFoundException() {
    this(DEFAULT_MESSAGE);
  }

  public ServiceNotFoundException(String message) {
    super(message);
  }
}
