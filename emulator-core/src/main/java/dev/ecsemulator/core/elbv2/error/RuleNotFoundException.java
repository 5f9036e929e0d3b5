package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code RuleNotFound} (shape RuleNotFoundException): a rule addressed does not exist. */
public final class RuleNotFoundException extends Elbv2Exception {
  public RuleNotFoundException(String message) {
    super(message);
  }
}
