package dev.ecsemulator.core.error;

/** AWS error {@code AccessDeniedException}: The caller may not perform the action. */
public final class AccessDeniedException extends EcsException {
  public static final String DEFAULT_MESSAGE = "You do not have authorization to perform this action.";

  /** With AWS's usual message: {@value #DEFAULT_MESSAGE} */
  public AccessDeniedException() {
    this(DEFAULT_MESSAGE);
  }

  public AccessDeniedException(String message) {
    super(message);
  }
}
