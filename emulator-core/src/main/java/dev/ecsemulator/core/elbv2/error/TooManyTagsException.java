package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code TooManyTags} (shape TooManyTagsException): more than 50 tags on a resource. */
public final class TooManyTagsException extends Elbv2Exception {
  public TooManyTagsException(String message) {
    super(message);
  }
}
