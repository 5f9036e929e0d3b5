package dev.ecsemulator.scheduler.runtime;

import java.util.Objects;

/**
 * A container operation that failed, named as the ECS agent names it, so that {@link #reason()} is
 * exactly the text ECS shows as a container's {@code reason} or a task's {@code stoppedReason}: {@code
 * <ErrorName>: <message>} (agent {@code dockerapi/errors.go}; container reasons are limited to 1024
 * characters). The message carries Docker's own words, prefixed as the agent's Docker client prints
 * them ({@code Error response from daemon: ...}).
 */
public final class ContainerRuntimeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** ECS caps a container's {@code reason} at this many characters (Model: {@code Container.reason}). */
  public static final int MAX_REASON = 1024;

  private final ErrorName errorName;

  public ContainerRuntimeException(ErrorName errorName, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.errorName = Objects.requireNonNull(errorName, "errorName");
  }

  public ContainerRuntimeException(ErrorName errorName, String message) {
    this(errorName, message, null);
  }

  public ErrorName errorName() {
    return errorName;
  }

  /** {@code <ErrorName>: <message>}, at most 1024 characters. */
  public String reason() {
    String reason = errorName.name + ": " + getMessage();
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
  }

  @Override
  public String toString() {
    return reason();
  }

  /** The agent's error names that the runtime can produce. */
  public enum ErrorName {
    CANNOT_PULL_CONTAINER("CannotPullContainerError"),
    CANNOT_CREATE_CONTAINER("CannotCreateContainerError"),
    CANNOT_START_CONTAINER("CannotStartContainerError"),
    CANNOT_STOP_CONTAINER("CannotStopContainerError"),
    CANNOT_REMOVE_CONTAINER("CannotRemoveContainerError"),
    CANNOT_INSPECT_CONTAINER("CannotInspectContainerError"),
    CANNOT_CREATE_VOLUME("CannotCreateVolumeError"),
    CANNOT_REMOVE_VOLUME("CannotRemoveVolumeError"),
    /** The engine did not answer at all (the agent's name for a Docker call that timed out). */
    DOCKER_TIMEOUT("DockerTimeoutError"),
    /** Fargate's name for what it could not set up for a task: its log driver, say. */
    RESOURCE_INITIALIZATION("ResourceInitializationError");

    private final String name;

    ErrorName(String name) {
      this.name = name;
    }

    /** The name as ECS prints it, e.g. {@code CannotPullContainerError}. */
    public String ecsName() {
      return name;
    }
  }
}
