package dev.ecsemulator.core.ssm.error;

/** AWS error {@code TooManyTagsError}: a parameter would have more than 50 tags. Its shape has no message member. */
public final class TooManyTagsError extends SsmException {
  public TooManyTagsError(String message) {
    super(message);
  }
}
