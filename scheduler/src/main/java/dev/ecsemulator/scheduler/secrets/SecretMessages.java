package dev.ecsemulator.scheduler.secrets;

import java.util.List;

/**
 * The stoppedReason of a task whose secrets or registry credentials cannot be retrieved, in one place. The frame is
 * Fargate's, as public captures quote it (AWS re:Post knowledge-center "ecs-unable-to-pull-secrets"; GitHub issues
 * GiamPy5/terraform-aws-directus#10, aws/copilot-cli#2095 and #3104):
 * {@code ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed:
 * unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ARN from
 * secrets manager: CODE: MESSAGE}. What follows the frame is the ECS agent's wording where the agent words it
 * ({@code agent/asm/asm.go}, {@code agent/ssm/ssm.go}). Captures end with the SDK's
 * {@code status code: 400, request id: ...}: left out here. The same words serve every launch type (on EC2 the agent
 * reports its own, shorter reason: not emulated). Reasons name what was looked for, never a value.
 */
final class SecretMessages {

  private SecretMessages() {}

  private static final String FRAME =
      "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ";
  private static final String RETRIED = "service call has been retried 1 time(s): ";
  private static final String FROM_ASM = FRAME + "unable to retrieve secret from asm: ";
  private static final String FROM_SSM = FRAME + "unable to retrieve secrets from ssm: ";
  private static final String AUTH_FROM_ASM = FRAME + "unable to get registry auth from asm: ";

  /** GetSecretValue answered an error (ResourceNotFoundException, InvalidRequestException...); captured. */
  static String secretNotFetched(String secretId, String errorCode, String message) {
    return FROM_ASM + RETRIED + "failed to fetch secret " + secretId + " from secrets manager: " + errorCode + ": "
        + message;
  }

  /** The secret's value has no such JSON key: the agent's words in Fargate's frame (unverified as a whole). */
  static String jsonKeyMissing(String jsonKey) {
    return FROM_ASM + "retrieved secret from Secrets Manager did not contain json key " + jsonKey;
  }

  /**
   * A JSON key was asked of a value that is no JSON object. The agent returns Go's parse error, which quotes a
   * character of the value: our own words instead (unverified).
   */
  static String notJson(String secretId, String jsonKey) {
    return FROM_ASM + "secret " + secretId + " is not a JSON object, so it has no json key " + jsonKey;
  }

  /** A secret ARN of another shape: the agent's words in Fargate's frame (unverified as a whole). */
  static String invalidSecretArn(String valueFrom) {
    return FROM_ASM + "trying to retrieve secret with value " + valueFrom + " resulted in error: an invalid ARN format"
        + " for the AWS Secrets Manager secret was specified. Specify a valid ARN and try again.";
  }

  /** GetParameters listed InvalidParameters: agent {@code extractSSMValues} in Fargate's frame (captured up to it). */
  static String invalidParameters(List<String> names) {
    return FROM_SSM + RETRIED + "invalid parameters: " + String.join(",", names);
  }

  /** GetParameters answered an error (a ValidationException, say). */
  static String parametersNotFetched(String errorCode, String message) {
    return FROM_SSM + RETRIED + errorCode + ": " + message;
  }

  /**
   * GetSecretValue of {@code repositoryCredentials.credentialsParameter} answered an error; captured
   * ("unable to get registry auth from asm: service call has been retried 1 time(s): asm fetching secret from the
   * service for NAME: RequestError: ...").
   */
  static String registryAuthNotFetched(String secretId, String errorCode, String message) {
    return AUTH_FROM_ASM + RETRIED + "asm fetching secret from the service for " + secretId + ": " + errorCode + ": "
        + message;
  }

  /**
   * The credentials secret is not {@code {"username": ..., "password": ...}}: agent {@code asm.extractASMValue}'s
   * words (one of "asm fetching authorization data: empty secrets value", "... unable to unmarshal secret value,
   * invalid schema", "asm fetching username: AuthorizationData is malformed, empty field", the same for password) in
   * Fargate's frame (unverified as a whole).
   */
  static String registryAuthMalformed(String agentWords) {
    return AUTH_FROM_ASM + agentWords;
  }
}
