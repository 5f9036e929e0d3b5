package dev.ecsemulator.core.error;

/** AWS error {@code ClientException}: The request was invalid for a reason specific to the ECS resource involved (a client action or resource error). */
public final class ClientException extends EcsException {
  public ClientException(String message) {
    super(message);
  }
}
