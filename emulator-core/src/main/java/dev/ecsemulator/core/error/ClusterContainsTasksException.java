package dev.ecsemulator.core.error;

/** AWS error {@code ClusterContainsTasksException}: The cluster still has tasks that are not stopped. */
public final class ClusterContainsTasksException extends EcsException {
  public static final String DEFAULT_MESSAGE = "The Cluster cannot be deleted while Tasks are active.";

  /** With AWS's usual message: {@value #DEFAULT_MESSAGE} */
  public ClusterContainsTasksException() {
    this(DEFAULT_MESSAGE);
  }

  public ClusterContainsTasksException(String message) {
    super(message);
  }
}
