package dev.ecsemulator.core.secretsmanager;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.secretsmanager.error.InvalidRequestException;
import dev.ecsemulator.core.secretsmanager.error.ResourceNotFoundException;
import dev.ecsemulator.core.secretsmanager.error.ValidationException;
import dev.ecsemulator.core.state.StateView;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The one resolver of a {@code SecretId} and the one place that builds secret ARNs
 * ({@code arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-XXXXXX}, the suffix six random letters and digits). A
 * SecretId is, as on AWS, a name, a full ARN (the suffix must match: a secret deleted and created again with the
 * same name has another), or a partial ARN without the suffix. A secret whose recovery window has ended is gone.
 */
public final class SecretIds {

  /** The characters of a secret name (API reference, CreateSecret Name). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]+");
  private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int SUFFIX_LENGTH = 6;

  private SecretIds() {}

  /** A new secret's ARN, with a fresh random suffix. */
  static String newArn(Scope scope, String name, RandomGenerator random) {
    StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
    }
    return "arn:" + Arns.PARTITION + ":secretsmanager:" + scope.region() + ":" + scope.accountId() + ":secret:" + name
        + "-" + suffix;
  }

  /** @throws ValidationException if the name has a character AWS refuses */
  static void requireValidName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new ValidationException(SecretMessages.INVALID_NAME);
    }
  }

  /**
   * The secret {@code secretId} names in {@code scope}, scheduled for deletion or not; empty if there is none (or its
   * recovery window ended at {@code now}).
   *
   * @throws ValidationException if the SecretId is neither a secret ARN nor a valid name (an SSM parameter ARN, say)
   */
  public static Optional<StoredSecret> find(StateView view, Scope scope, String secretId, Instant now) {
    Optional<StoredSecret> found;
    Optional<Arn> arn = Arn.parse(secretId).filter(a -> a.service().equals("secretsmanager")
        && a.resource().startsWith("secret:"));
    if (arn.isPresent()) {
      found = byArn(view, scope, secretId, arn.get());
    } else {
      requireValidName(secretId);
      found = view.get(SecretsManagerKinds.SECRET, secretId);
    }
    return found.filter(secret -> !secret.goneAt(now));
  }

  private static Optional<StoredSecret> byArn(StateView view, Scope scope, String text, Arn arn) {
    if (!arn.region().equals(scope.region()) || !arn.accountId().equals(scope.accountId())) {
      return Optional.empty();
    }
    String nameAndSuffix = arn.resource().substring("secret:".length());
    int dash = nameAndSuffix.length() - SUFFIX_LENGTH - 1;
    if (dash > 0 && nameAndSuffix.charAt(dash) == '-') {
      Optional<StoredSecret> full = view.get(SecretsManagerKinds.SECRET, nameAndSuffix.substring(0, dash))
          .filter(secret -> secret.arn().equals(text));
      if (full.isPresent()) {
        return full;
      }
    }
    // A partial ARN: everything after "secret:" is the name.
    return view.get(SecretsManagerKinds.SECRET, nameAndSuffix);
  }

  /** @throws ResourceNotFoundException if {@code secretId} names no secret */
  public static StoredSecret require(StateView view, Scope scope, String secretId, Instant now) {
    return find(view, scope, secretId, now).orElseThrow(() -> new ResourceNotFoundException(SecretMessages.NOT_FOUND));
  }

  /**
   * As {@link #require}, for operations a secret scheduled for deletion refuses.
   *
   * @throws InvalidRequestException if it is scheduled for deletion
   */
  public static StoredSecret requireLive(StateView view, Scope scope, String secretId, Instant now) {
    StoredSecret secret = require(view, scope, secretId, now);
    if (secret.scheduledForDeletion()) {
      throw new InvalidRequestException(SecretMessages.MARKED_FOR_DELETION);
    }
    return secret;
  }
}
