package dev.ecsemulator.core.elbv2.error;

/** ELBv2 error {@code InvalidSubnet} (shape InvalidSubnetException): a subnet that cannot be used. */
public final class InvalidSubnetException extends Elbv2Exception {
  public InvalidSubnetException(String message) {
    super(message);
  }
}
