package dev.ecsemulator.core.ssm.error;

/** AWS error {@code ValidationException}: the request breaks a constraint: of the model ("1 validation error detected: ...", lower-camel member names such as 'names', as AWS words it for GetParameters) or of Parameter Store (a parameter name, a tier, tags with Overwrite). */
public final class ValidationException extends SsmException {
  public ValidationException(String message) {
    super(message);
  }
}
