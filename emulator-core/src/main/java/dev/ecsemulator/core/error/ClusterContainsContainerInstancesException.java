package dev.ecsemulator.core.error;

/** AWS error {@code ClusterContainsContainerInstancesException}: The cluster still has container instances registered. */
public final class ClusterContainsContainerInstancesException extends EcsException {
  public static final String DEFAULT_MESSAGE = "The Cluster cannot be deleted while Container Instances are active or draining.";

  /** With AWS's usual message: {@value #DEFAULT_MESSAGE} */
  public ClusterContainsContainerInstancesException() {
    this(DEFAULT_MESSAGE);
  }

  public ClusterContainsContainerInstancesException(String message) {
    super(message);
  }
}
