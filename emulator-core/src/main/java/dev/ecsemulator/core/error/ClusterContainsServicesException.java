package dev.ecsemulator.core.error;

/** AWS error {@code ClusterContainsServicesException}: The cluster still has active or draining services. */
public final class ClusterContainsServicesException extends EcsException {
  public static final String DEFAULT_MESSAGE = "The Cluster cannot be deleted while Services are active.";

  /** With AWS's usual message: {@value #DEFAULT_MESSAGE} */
  public ClusterContainsServicesException() {
    this(DEFAULT_MESSAGE);
  }

  public ClusterContainsServicesException(String message) {
    super(message);
  }
}
