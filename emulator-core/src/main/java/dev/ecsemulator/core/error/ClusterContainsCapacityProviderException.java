package dev.ecsemulator.core.error;

/** AWS error {@code ClusterContainsCapacityProviderException}: The cluster still has capacity providers attached. */
public final class ClusterContainsCapacityProviderException extends EcsException {
  public ClusterContainsCapacityProviderException(String message) {
    super(message);
  }
}
