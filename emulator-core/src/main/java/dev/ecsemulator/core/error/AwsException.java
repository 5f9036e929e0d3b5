package dev.ecsemulator.core.error;

import java.util.Map;

/**
 * An error the emulator answers with, as the AWS service would, for any service on the endpoint: the AWS error code
 * ({@code __type}) is the simple class name, the message is AWS's wording. Each service has its own subclasses, one
 * per AWS error code (ECS: {@link EcsException}; Secrets Manager: {@code core.secretsmanager.error}); the protocol
 * errors every JSON service shares ({@link SerializationException}, {@link UnknownOperationException},
 * {@link RequestEntityTooLargeException}) extend this class directly. The HTTP edge maps them all in one place.
 * These are answers to bad requests, not bugs, so they carry no stack trace.
 */
public abstract class AwsException extends RuntimeException {

  protected AwsException(String message) {
    super(message, null, false, false);
  }

  /** The AWS error code sent as {@code __type}. */
  public String errorCode() {
    return getClass().getSimpleName();
  }

  /** HTTP status: 400 for every modelled client error; a service's fault (a 500) overrides it. */
  public int httpStatus() {
    return 400;
  }

  /** Members of the error shape beyond the message (ECS ConflictException's resourceIds). */
  public Map<String, Object> extraMembers() {
    return Map.of();
  }
}
