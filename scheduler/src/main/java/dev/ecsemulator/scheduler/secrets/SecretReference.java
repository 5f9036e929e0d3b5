package dev.ecsemulator.scheduler.secrets;

import dev.ecsemulator.core.arn.Arn;
import java.util.Optional;

/**
 * Where one value a task needs comes from, read from the task definition as ECS reads it. Pure.
 *
 * <p>A {@code secrets[].valueFrom} or {@code secretOptions[].valueFrom} that is a Secrets Manager ARN is a secret;
 * anything else is an SSM parameter, by name (in the task's region) or by ARN (in the ARN's region). A plain name is
 * never looked up in Secrets Manager: ECS reads it from Parameter Store (aws-cdk#10519 shows a secret's name failing
 * as "Fetching secret data from SSM Parameter Store"). A secret ARN is either the secret's ARN, full or partial
 * (passed to GetSecretValue as it is), or that ARN followed by {@code :json-key:version-stage:version-id}, any of
 * the three empty (agent {@code asmsecret.getASMParametersFromInput}); other shapes are refused.
 */
sealed interface SecretReference {

  /** The region whose store holds the value. */
  String region();

  /**
   * A Secrets Manager secret: {@code GetSecretValue(secretId, versionStage, versionId)}, then, with a JSON key, that
   * key of the value parsed as a JSON object.
   *
   * @param secretId a name or an ARN (full or partial), as GetSecretValue takes it
   * @param jsonKey null for the whole value
   * @param versionStage null unless given
   * @param versionId null unless given
   */
  record SecretsManager(String region, String secretId, String jsonKey, String versionStage, String versionId)
      implements SecretReference {}

  /** An SSM parameter: {@code GetParameters([name], WithDecryption=true)}; {@code name} as written (a name or ARN). */
  record Parameter(String region, String name) implements SecretReference {}

  /**
   * A {@code valueFrom} of {@code secrets} or {@code logConfiguration.secretOptions}.
   *
   * @throws SecretsUnavailable for a Secrets Manager ARN of another shape than the two ECS accepts
   */
  static SecretReference ofValueFrom(String valueFrom, String taskRegion) throws SecretsUnavailable {
    Optional<Arn> arn = Arn.parse(valueFrom);
    if (arn.isPresent() && arn.get().service().equals("secretsmanager")) {
      return secretsManager(valueFrom, arn.get(), taskRegion);
    }
    return new Parameter(regionOf(arn, taskRegion), valueFrom);
  }

  /**
   * A {@code repositoryCredentials.credentialsParameter}: a secret's name (in the task's region) or ARN, passed to
   * GetSecretValue as it is (agent {@code asm.GetDockerAuthFromASM}).
   */
  static SecretsManager ofCredentialsParameter(String credentialsParameter, String taskRegion) {
    return new SecretsManager(regionOf(Arn.parse(credentialsParameter), taskRegion), credentialsParameter, null, null,
        null);
  }

  private static SecretsManager secretsManager(String valueFrom, Arn arn, String taskRegion)
      throws SecretsUnavailable {
    String region = regionOf(Optional.of(arn), taskRegion);
    String[] parts = arn.resource().split(":", -1);
    if (parts.length == 2) { // secret:NAME or secret:NAME-AbCdEf
      return new SecretsManager(region, valueFrom, null, null, null);
    }
    if (parts.length != 5) { // secret:NAME:json-key:version-stage:version-id
      throw new SecretsUnavailable(SecretMessages.invalidSecretArn(valueFrom));
    }
    String secretId = "arn:" + arn.partition() + ":" + arn.service() + ":" + arn.region() + ":" + arn.accountId()
        + ":" + parts[0] + ":" + parts[1];
    return new SecretsManager(region, secretId, emptyToNull(parts[2]), emptyToNull(parts[3]), emptyToNull(parts[4]));
  }

  private static String regionOf(Optional<Arn> arn, String taskRegion) {
    return arn.map(Arn::region).filter(r -> !r.isEmpty()).orElse(taskRegion);
  }

  private static String emptyToNull(String part) {
    return part.isEmpty() ? null : part;
  }
}
