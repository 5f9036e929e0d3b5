package dev.ecsemulator.core.error;

/** AWS error {@code NamespaceNotFoundException}: The Cloud Map namespace does not exist. */
public final class NamespaceNotFoundException extends EcsException {
  public NamespaceNotFoundException(String message) {
    super(message);
  }
}
