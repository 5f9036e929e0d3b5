package dev.ecsemulator.core.ssm.error;

/** AWS error {@code InvalidFilterValue}: a filter value is missing or not valid. */
public final class InvalidFilterValue extends SsmException {
  public InvalidFilterValue(String message) {
    super(message);
  }
}
