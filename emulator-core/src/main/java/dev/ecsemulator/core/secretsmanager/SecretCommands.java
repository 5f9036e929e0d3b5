package dev.ecsemulator.core.secretsmanager;

import static dev.ecsemulator.core.secretsmanager.SecretsManagerKinds.SECRET;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.secretsmanager.error.InvalidParameterException;
import dev.ecsemulator.core.secretsmanager.error.InvalidRequestException;
import dev.ecsemulator.core.secretsmanager.error.ResourceExistsException;
import dev.ecsemulator.core.secretsmanager.error.ResourceNotFoundException;
import dev.ecsemulator.core.secretsmanager.model.CreateSecretRequest;
import dev.ecsemulator.core.secretsmanager.model.CreateSecretResponse;
import dev.ecsemulator.core.secretsmanager.model.DeleteSecretRequest;
import dev.ecsemulator.core.secretsmanager.model.DeleteSecretResponse;
import dev.ecsemulator.core.secretsmanager.model.PutSecretValueRequest;
import dev.ecsemulator.core.secretsmanager.model.PutSecretValueResponse;
import dev.ecsemulator.core.secretsmanager.model.Tag;
import dev.ecsemulator.core.secretsmanager.model.UpdateSecretRequest;
import dev.ecsemulator.core.secretsmanager.model.UpdateSecretResponse;
import dev.ecsemulator.core.secretsmanager.model.UpdateSecretVersionStageRequest;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The Secrets Manager operations that change secrets. Each is one store write: it either commits whole or leaves
 * nothing behind. A ClientRequestToken is the ID of the version a call makes, and makes the call idempotent as on AWS:
 * repeated with the same value it changes nothing and answers as before; with another value it is refused. Thread-safe.
 */
public final class SecretCommands {

  private static final int DEFAULT_RECOVERY_DAYS = 30;

  private final StateStore store;
  private final Clock clock;
  private final RandomGenerator random;

  /** @param random draws the ARN suffixes and the version IDs of calls without a ClientRequestToken */
  public SecretCommands(StateStore store, Clock clock, RandomGenerator random) {
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  /**
   * CreateSecret.
   *
   * @throws ResourceExistsException if a secret has the name (unless this repeats the call that made it)
   * @throws InvalidRequestException if a secret with the name is scheduled for deletion
   */
  public CreateSecretResponse create(Scope scope, CreateSecretRequest request) {
    SecretIds.requireValidName(request.name());
    boolean hasValue = requireAtMostOneValue(request.secretString(), request.secretBinary());
    if (request.addReplicaRegions() != null) {
      throw new InvalidParameterException("ecs-emulator does not replicate secrets to other Regions:"
          + " AddReplicaRegions is not supported.");
    }
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      Optional<StoredSecret> existing = txn.get(SECRET, request.name()).filter(s -> !s.goneAt(now));
      if (existing.isPresent()) {
        return createdBefore(existing.get(), request);
      }
      String arn = SecretIds.newArn(scope, request.name(), random);
      List<StoredVersion> versions = hasValue
          ? List.of(new StoredVersion(versionId(request.clientRequestToken()), List.of(VersionStages.CURRENT), now,
              null, request.secretString(), request.secretBinary()))
          : List.of();
      txn.put(SECRET, request.name(), new StoredSecret(request.name(), arn, request.description(),
          request.kmsKeyId(), distinctKeys(request.tags()), now, now, null, null, versions));
      return CreateSecretResponse.builder().arn(arn).name(request.name())
          .versionId(hasValue ? versions.get(0).versionId() : null).build();
    });
  }

  /** CreateSecret for a name that is taken: the same call again, or a refusal. */
  private static CreateSecretResponse createdBefore(StoredSecret existing, CreateSecretRequest request) {
    if (existing.scheduledForDeletion()) {
      throw new InvalidRequestException(SecretMessages.NAME_SCHEDULED_FOR_DELETION);
    }
    String token = request.clientRequestToken();
    Optional<StoredVersion> made = token == null ? Optional.empty() : existing.version(token);
    if (made.isEmpty()) {
      throw new ResourceExistsException(SecretMessages.alreadyExists(existing.name()));
    }
    requireSameValue(existing, made.get(), request.secretString(), request.secretBinary());
    return CreateSecretResponse.builder().arn(existing.arn()).name(existing.name()).versionId(token).build();
  }

  /**
   * PutSecretValue: a new version with the labels asked (AWSCURRENT by default), taken from the versions that had
   * them.
   */
  public PutSecretValueResponse putValue(Scope scope, PutSecretValueRequest request) {
    if (!requireAtMostOneValue(request.secretString(), request.secretBinary())) {
      throw new InvalidParameterException(SecretMessages.NO_VALUE);
    }
    List<String> stages = request.versionStages() == null
        ? List.of(VersionStages.CURRENT) : request.versionStages().stream().distinct().toList();
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      StoredSecret secret = SecretIds.requireLive(txn, scope, request.secretId(), now);
      StoredVersion version = addVersion(txn, secret, request.clientRequestToken(), stages,
          request.secretString(), request.secretBinary(), now);
      return new PutSecretValueResponse(secret.arn(), secret.name(), version.versionId(), version.stages());
    });
  }

  /** UpdateSecret: metadata, and a new AWSCURRENT version if a value is given. */
  public UpdateSecretResponse update(Scope scope, UpdateSecretRequest request) {
    boolean hasValue = requireAtMostOneValue(request.secretString(), request.secretBinary());
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      StoredSecret secret = SecretIds.requireLive(txn, scope, request.secretId(), now);
      StoredSecret updated = secret.withMetadata(
          request.description() != null ? request.description() : secret.description(),
          request.kmsKeyId() != null ? request.kmsKeyId() : secret.kmsKeyId(), now);
      txn.put(SECRET, secret.name(), updated);
      String versionId = hasValue
          ? addVersion(txn, updated, request.clientRequestToken(), List.of(VersionStages.CURRENT),
              request.secretString(), request.secretBinary(), now).versionId()
          : null;
      return new UpdateSecretResponse(secret.arn(), secret.name(), versionId);
    });
  }

  /** UpdateSecretVersionStage: moves one label (see {@link VersionStages#move}). */
  public StoredSecret updateVersionStage(Scope scope, UpdateSecretVersionStageRequest request) {
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      StoredSecret secret = SecretIds.requireLive(txn, scope, request.secretId(), now);
      StoredSecret moved = secret.withVersions(VersionStages.move(secret.versions(), request.versionStage(),
          request.removeFromVersionId(), request.moveToVersionId()), now);
      txn.put(SECRET, secret.name(), moved);
      return moved;
    });
  }

  /**
   * DeleteSecret: schedules the deletion after the recovery window (7 to 30 days, 30 by default), or deletes at once
   * with ForceDeleteWithoutRecovery, which also succeeds for a secret that does not exist (API reference).
   */
  public DeleteSecretResponse delete(Scope scope, DeleteSecretRequest request) {
    Long window = request.recoveryWindowInDays();
    boolean force = Boolean.TRUE.equals(request.forceDeleteWithoutRecovery());
    // In this order: AWS answers the range first even when both are given (RecoveryWindowInDays=0 with force).
    if (window != null && (window < 7 || window > 30)) {
      throw new InvalidParameterException(SecretMessages.RECOVERY_WINDOW);
    }
    if (window != null && force) {
      throw new InvalidParameterException(SecretMessages.FORCE_WITH_WINDOW);
    }
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      Optional<StoredSecret> found = SecretIds.find(txn, scope, request.secretId(), now);
      if (found.isEmpty()) {
        if (!force) {
          throw new ResourceNotFoundException(SecretMessages.NOT_FOUND);
        }
        return forgotten(request.secretId(), now);
      }
      StoredSecret secret = found.get();
      if (force) {
        txn.remove(SECRET, secret.name());
        return new DeleteSecretResponse(secret.arn(), now, secret.name());
      }
      if (secret.scheduledForDeletion()) {
        throw new InvalidRequestException(SecretMessages.MARKED_FOR_DELETION);
      }
      Instant deletion = now.plus(Duration.ofDays(window == null ? DEFAULT_RECOVERY_DAYS : window));
      txn.put(SECRET, secret.name(), secret.withDeletedDate(deletion, now));
      return new DeleteSecretResponse(secret.arn(), deletion, secret.name());
    });
  }

  /** The answer to a forced delete of a secret that does not exist: the ARN only if one was given (unverified). */
  private static DeleteSecretResponse forgotten(String secretId, Instant now) {
    Optional<Arn> arn = Arn.parse(secretId);
    String name = arn.map(a -> a.resource().substring("secret:".length())).orElse(secretId);
    return new DeleteSecretResponse(arn.isPresent() ? secretId : null, now, name);
  }

  /** RestoreSecret: cancels a scheduled deletion; a secret not scheduled for deletion is left as it is. */
  public StoredSecret restore(Scope scope, String secretId) {
    Instant now = clock.instant();
    return store.write(scope, txn -> {
      StoredSecret secret = SecretIds.require(txn, scope, secretId, now);
      if (!secret.scheduledForDeletion()) {
        return secret;
      }
      StoredSecret restored = secret.withDeletedDate(null, now);
      txn.put(SECRET, secret.name(), restored);
      return restored;
    });
  }

  /** TagResource: adds the tags, replacing the values of keys the secret has. */
  public void tag(Scope scope, String secretId, List<Tag> tags) {
    Instant now = clock.instant();
    store.write(scope, txn -> {
      StoredSecret secret = SecretIds.requireLive(txn, scope, secretId, now);
      List<Tag> merged = new ArrayList<>(secret.tags());
      merged.addAll(tags);
      txn.put(SECRET, secret.name(), secret.withTags(distinctKeys(merged), now));
      return null;
    });
  }

  /** UntagResource: removes the tags with these keys; keys the secret lacks are ignored. */
  public void untag(Scope scope, String secretId, List<String> tagKeys) {
    Instant now = clock.instant();
    store.write(scope, txn -> {
      StoredSecret secret = SecretIds.requireLive(txn, scope, secretId, now);
      List<Tag> kept = secret.tags().stream().filter(tag -> !tagKeys.contains(tag.key())).toList();
      txn.put(SECRET, secret.name(), secret.withTags(kept, now));
      return null;
    });
  }

  /**
   * Adds a version to {@code secret} and stores it, unless {@code token} names a version that holds this value
   * already (a repeated call), which is then answered as it is.
   */
  private StoredVersion addVersion(StateTxn txn, StoredSecret secret, String token, List<String> stages,
      String string, byte[] binary, Instant now) {
    Optional<StoredVersion> made = token == null ? Optional.empty() : secret.version(token);
    if (made.isPresent()) {
      requireSameValue(secret, made.get(), string, binary);
      return made.get();
    }
    StoredVersion added = new StoredVersion(versionId(token), stages, now, null, string, binary);
    txn.put(SECRET, secret.name(), secret.withVersions(VersionStages.add(secret.versions(), added), now));
    return added;
  }

  private static void requireSameValue(StoredSecret secret, StoredVersion version, String string, byte[] binary) {
    if (!version.holds(string, binary)) {
      throw new ResourceExistsException(SecretMessages.tokenInUse(version.versionId(), secret.arn()));
    }
  }

  /** @return whether a value is given; @throws InvalidParameterException if both are */
  private static boolean requireAtMostOneValue(String string, byte[] binary) {
    if (string != null && binary != null) {
      throw new InvalidParameterException(SecretMessages.BOTH_VALUES);
    }
    return string != null || binary != null;
  }

  /** The ClientRequestToken, else a random UUID (the SDKs and the CLI always send a token). */
  private String versionId(String token) {
    if (token != null) {
      return token;
    }
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  /** The tags with one per key, the last given winning, in the order keys first appear. */
  private static List<Tag> distinctKeys(List<Tag> tags) {
    Map<String, Tag> byKey = new LinkedHashMap<>();
    for (Tag tag : tags == null ? List.<Tag>of() : tags) {
      byKey.put(tag.key(), tag);
    }
    return List.copyOf(byKey.values());
  }
}
