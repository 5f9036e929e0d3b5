package dev.ecsemulator.core.error;

/** AWS error {@code ClusterNotFoundException}: The named cluster does not exist in this account and region. */
public final class ClusterNotFoundException extends EcsException {
  public static final String DEFAULT_MESSAGE = "Cluster not found.";

  /** With AWS's usual message: {@value #DEFAULT_MESSAGE} */
  public ClusterNotFoundException() {
    this(DEFAULT_MESSAGE);
  }

  public ClusterNotFoundException(String message) {
    super(message);
  }
}
