package dev.ecsemulator.core.secretsmanager.error;

/**
 * AWS error {@code ValidationException}: the request breaks a constraint of the model (a missing required member, a
 * length or range). Not in the Secrets Manager model, but what the service answers for those: AWS SDK users report
 * {@code com.amazon.AWSMimirService#ValidationException} from GetSecretValue, and the "1 validation error detected:
 * ..." wording with lower-camel member names ('passwordLength') is what moto copied from AWS.
 */
public final class ValidationException extends SecretsManagerException {
  public ValidationException(String message) {
    super(message);
  }
}
