package dev.ecsemulator.api.protocol;

import dev.ecsemulator.core.error.AwsException;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one service words the errors the protocol raises on its behalf, before or around its handlers: AWS services
 * differ in these, so each service states its own.
 *
 * @param invalid the error for a request that breaks its model's constraints, given the "N validation error(s)
 *     detected: ..." message (ECS: InvalidParameterException; Secrets Manager: ValidationException)
 * @param memberNames how those messages name members
 * @param notImplemented the error for an operation of the service's model that the emulator does not implement, given
 *     the operation's name (ECS: UnsupportedFeatureException; Secrets Manager: the common InvalidAction)
 * @param internal the 500 for an unexpected failure (a bug), given a message naming it (ECS: ServerException)
 */
public record ServiceErrors(
    Function<String, ? extends AwsException> invalid,
    MemberNames memberNames,
    Function<String, ? extends AwsException> notImplemented,
    Function<String, ? extends AwsException> internal) {

  /** How a validation message names a member: {@code 'clusterName'} (ECS) or {@code 'secretId'} for SecretId. */
  public enum MemberNames {
    /** As the request spells it. */
    AS_SENT,
    /** First letter lower case, as Coral services with upper-camel members word it ({@code 'passwordLength'}). */
    LOWER_CAMEL;

    String of(String member) {
      return this == AS_SENT || member.isEmpty()
          ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
  }

  public ServiceErrors {
    Objects.requireNonNull(invalid, "invalid");
    Objects.requireNonNull(memberNames, "memberNames");
    Objects.requireNonNull(notImplemented, "notImplemented");
    Objects.requireNonNull(internal, "internal");
  }
}
