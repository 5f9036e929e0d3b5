package dev.ecsemulator.core.cloudwatch.error;

/** CloudWatch error {@code InvalidNextToken}: the NextToken is not one CloudWatch gave. */
public final class InvalidNextToken extends CloudWatchException {
  public InvalidNextToken(String message) {
    super(message);
  }
}
