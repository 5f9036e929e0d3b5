package dev.ecsemulator.core.secretsmanager;

import dev.ecsemulator.core.secretsmanager.error.InvalidParameterException;
import dev.ecsemulator.core.secretsmanager.error.InvalidRequestException;
import dev.ecsemulator.core.secretsmanager.error.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How staging labels move between a secret's versions, as pure functions of the version list (oldest first), as the
 * Secrets Manager API reference describes them (PutSecretValue, UpdateSecretVersionStage): a label is on at most one
 * version; moving AWSCURRENT moves AWSPREVIOUS to the version AWSCURRENT left; a version left without labels is
 * deprecated, and the oldest deprecated versions are dropped beyond {@link #MAX_VERSIONS}.
 */
public final class VersionStages {

  public static final String CURRENT = "AWSCURRENT";
  public static final String PREVIOUS = "AWSPREVIOUS";

  /**
   * How many versions a secret keeps: AWS keeps deprecated versions until there are more than 100 in all, then removes
   * them (its extra rule, that versions younger than 24 hours are kept and PutSecretValue fails instead, is not
   * emulated).
   */
  static final int MAX_VERSIONS = 100;

  private VersionStages() {}

  /** {@code versions} with {@code added} appended, its labels taken from the versions that had them. */
  static List<StoredVersion> add(List<StoredVersion> versions, StoredVersion added) {
    List<StoredVersion> result = new ArrayList<>(versions);
    if (added.has(CURRENT)) {
      // First, so that an AWSPREVIOUS it hands on gives way to one the new version asks for too.
      result = moveLabel(result, CURRENT, null);
    }
    for (String stage : added.stages()) {
      if (!stage.equals(CURRENT)) {
        result = moveLabel(result, stage, null);
      }
    }
    result.add(added);
    return prune(result);
  }

  /**
   * Moves {@code stage} off {@code removeFrom} (if given) and onto {@code moveTo} (if given), as
   * UpdateSecretVersionStage does.
   *
   * @throws InvalidParameterException for an unknown version, a label not on {@code removeFrom}, or a label on
   *     another version than {@code moveTo} when {@code removeFrom} is not given
   */
  static List<StoredVersion> move(List<StoredVersion> versions, String stage, String removeFrom, String moveTo) {
    requireVersion(versions, removeFrom);
    requireVersion(versions, moveTo);
    Optional<StoredVersion> holder = versions.stream().filter(v -> v.has(stage)).findFirst();
    if (removeFrom != null && holder.map(v -> !v.versionId().equals(removeFrom)).orElse(true)) {
      throw new InvalidParameterException(SecretMessages.stageNotOnVersion(stage, removeFrom));
    }
    if (removeFrom == null && holder.isPresent() && !holder.get().versionId().equals(moveTo)) {
      throw new InvalidParameterException(SecretMessages.removeFromRequired(stage, holder.get().versionId()));
    }
    List<StoredVersion> result = moveLabel(versions, stage, moveTo);
    if (stage.equals(CURRENT) && removeFrom != null && !removeFrom.equals(moveTo)) {
      result = moveLabel(result, PREVIOUS, removeFrom);
    }
    return prune(result);
  }

  /**
   * The version a GetSecretValue-like call asks for: by ID, by label, or AWSCURRENT.
   *
   * @throws ResourceNotFoundException if there is no such version
   * @throws InvalidRequestException if the version with that ID does not carry the label asked too
   */
  static StoredVersion select(StoredSecret secret, String versionId, String stage) {
    if (versionId != null) {
      StoredVersion version = secret.version(versionId)
          .orElseThrow(() -> new ResourceNotFoundException(SecretMessages.noVersion(versionId)));
      if (stage != null && !version.has(stage)) {
        throw new InvalidRequestException(SecretMessages.STAGE_NOT_ON_VERSION);
      }
      return version;
    }
    String label = stage != null ? stage : CURRENT;
    return secret.versionWith(label)
        .orElseThrow(() -> new ResourceNotFoundException(SecretMessages.noVersionWithStage(label)));
  }

  /**
   * The label off every version, then on {@code to} (if not null). When AWSCURRENT moves, the version that had it
   * gets AWSPREVIOUS, which leaves the version that had that.
   */
  private static List<StoredVersion> moveLabel(List<StoredVersion> versions, String stage, String to) {
    String from = versions.stream().filter(v -> v.has(stage)).map(StoredVersion::versionId).findFirst().orElse(null);
    List<StoredVersion> result = new ArrayList<>();
    for (StoredVersion version : versions) {
      List<String> stages = new ArrayList<>(version.stages());
      stages.remove(stage);
      if (version.versionId().equals(to)) {
        stages.add(stage);
      }
      result.add(version.withStages(stages));
    }
    if (stage.equals(CURRENT) && from != null && to == null) {
      // A new version is taking AWSCURRENT (it is added after this): the one that had it becomes AWSPREVIOUS.
      result = moveLabel(result, PREVIOUS, from);
    }
    return result;
  }

  private static void requireVersion(List<StoredVersion> versions, String versionId) {
    if (versionId != null && versions.stream().noneMatch(v -> v.versionId().equals(versionId))) {
      throw new InvalidParameterException(SecretMessages.notAVersion(versionId));
    }
  }

  /** Drops the oldest deprecated versions beyond {@link #MAX_VERSIONS}. */
  private static List<StoredVersion> prune(List<StoredVersion> versions) {
    int excess = versions.size() - MAX_VERSIONS;
    if (excess <= 0) {
      return versions;
    }
    List<StoredVersion> kept = new ArrayList<>();
    for (StoredVersion version : versions) {
      if (excess > 0 && version.deprecated()) {
        excess--;
      } else {
        kept.add(version);
      }
    }
    return kept;
  }
}
