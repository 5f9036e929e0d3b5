package dev.ecsemulator.core.error;

/**
 * AWS common error {@code MissingAction} (HTTP 400): a query-protocol request without an {@code Action} parameter.
 * AWS's common-errors page words it "The request is missing an action or a required parameter."
 */
public final class MissingAction extends AwsException {
  public MissingAction(String message) {
    super(message);
  }
}
