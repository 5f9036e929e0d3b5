package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code DuplicateTagKeys} (shape DuplicateTagKeysException): a tag key given twice. */
public final class DuplicateTagKeysException extends Elbv2Exception {
  public DuplicateTagKeysException(String message) {
    super(message);
  }
}
