package dev.ecsemulator.core.secretsmanager;

import dev.ecsemulator.core.secretsmanager.model.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret as stored under {@link SecretsManagerKinds#SECRET}, keyed by its name, with all its versions, oldest first:
 * one entity, so that every call changes a secret in one store write. Immutable.
 *
 * @param kmsKeyId as given, null for the default key (aws/secretsmanager)
 * @param lastAccessedDate the day (midnight UTC) a value was last retrieved; null if never
 * @param deletedDate when the secret is deleted for good; null unless DeleteSecret scheduled it
 */
public record StoredSecret(
    String name,
    String arn,
    String description,
    String kmsKeyId,
    List<Tag> tags,
    Instant createdDate,
    Instant lastChangedDate,
    Instant lastAccessedDate,
    Instant deletedDate,
    List<StoredVersion> versions) {

  public StoredSecret {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    tags = tags == null ? List.of() : List.copyOf(tags);
    versions = versions == null ? List.of() : List.copyOf(versions);
  }

  public Optional<StoredVersion> version(String versionId) {
    return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
  }

  public Optional<StoredVersion> versionWith(String stage) {
    return versions.stream().filter(v -> v.has(stage)).findFirst();
  }

  public boolean scheduledForDeletion() {
    return deletedDate != null;
  }

  /** Whether its recovery window has ended at {@code now}: it is then gone, as if deleted without recovery. */
  public boolean goneAt(Instant now) {
    return deletedDate != null && !now.isBefore(deletedDate);
  }

  /** Version ID to labels, for the versions that have labels, oldest first. */
  public Map<String, List<String>> versionIdsToStages() {
    Map<String, List<String>> stages = new LinkedHashMap<>();
    versions.stream().filter(v -> !v.deprecated()).forEach(v -> stages.put(v.versionId(), v.stages()));
    return stages;
  }

  public StoredSecret withVersions(List<StoredVersion> newVersions, Instant changed) {
    return new StoredSecret(name, arn, description, kmsKeyId, tags, createdDate, changed, lastAccessedDate,
        deletedDate, newVersions);
  }

  public StoredSecret withMetadata(String newDescription, String newKmsKeyId, Instant changed) {
    return new StoredSecret(name, arn, newDescription, newKmsKeyId, tags, createdDate, changed, lastAccessedDate,
        deletedDate, versions);
  }

  public StoredSecret withTags(List<Tag> newTags, Instant changed) {
    return new StoredSecret(name, arn, description, kmsKeyId, newTags, createdDate, changed, lastAccessedDate,
        deletedDate, versions);
  }

  public StoredSecret withDeletedDate(Instant newDeletedDate, Instant changed) {
    return new StoredSecret(name, arn, description, kmsKeyId, tags, createdDate, changed, lastAccessedDate,
        newDeletedDate, versions);
  }

  /** Marks {@code versionId} and the secret as read on {@code day}; not a change (LastChangedDate stays). */
  public StoredSecret accessedOn(String versionId, Instant day) {
    List<StoredVersion> touched = versions.stream()
        .map(v -> v.versionId().equals(versionId) ? v.accessedOn(day) : v).toList();
    return new StoredSecret(name, arn, description, kmsKeyId, tags, createdDate, lastChangedDate, day, deletedDate,
        touched);
  }
}
