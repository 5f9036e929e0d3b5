package dev.ecsemulator.core.error;

/** AWS error {@code ServiceNotActiveException}: The service is DRAINING or INACTIVE. */
public final class ServiceNotActiveException extends EcsException {
  public static final String DEFAULT_MESSAGE = "Service was not ACTIVE.";

  /** With AWS's usual message: {@value #DEFAULT_MESSAGE} */
  public ServiceNotActiveException() {
    this(DEFAULT_MESSAGE);
  }

  public ServiceNotActiveException(String message) {
    super(message);
  }
}
