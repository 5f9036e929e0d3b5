package dev.ecsemulator.core.error;

/**
 * AWS common error {@code MalformedQueryString} (HTTP 400): a query-protocol request whose form body cannot be
 * decoded (a bad percent escape). AWS's common-errors page words it "The query string contains a syntax error."
 */
public final class MalformedQueryString extends AwsException {
  public MalformedQueryString(String message) {
    super(message);
  }
}
