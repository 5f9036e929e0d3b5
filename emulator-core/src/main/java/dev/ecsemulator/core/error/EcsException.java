package dev.ecsemulator.core.error;

import java.util.Map;

/**
 * An error the emulator answers with, as AWS would: the AWS error code ({@code __type}) is the simple
 * class name, the message is AWS's wording. One subclass per AWS error code; the HTTP edge maps them all
 * in one place. These are answers to bad requests, not bugs, so they carry no stack trace.
 */
public abstract class EcsException extends RuntimeException {

  protected EcsException(String message) {
    super(message, null, false, false);
  }

  /** The AWS error code sent as {@code __type}. */
  public String errorCode() {
    return getClass().getSimpleName();
  }

  /** HTTP status: 400 for every modelled client error; ServerException overrides with 500. */
  public int httpStatus() {
    return 400;
  }

  /** Members of the error shape beyond {@code message} (ConflictException's resourceIds). */
  public Map<String, Object> extraMembers() {
    return Map.of();
  }
}
