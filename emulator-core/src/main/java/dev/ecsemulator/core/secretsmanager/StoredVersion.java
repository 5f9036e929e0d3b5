package dev.ecsemulator.core.secretsmanager;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One version of a secret as stored: its value (a string or bytes, never both) and the staging labels attached to
 * it. A version without labels is deprecated: kept, but listed only on request. Immutable; {@link #toString} never
 * shows the value.
 *
 * @param lastAccessedDate the day (midnight UTC) its value was last retrieved, as AWS truncates it; null if never
 */
public record StoredVersion(
    String versionId,
    List<String> stages,
    Instant createdDate,
    Instant lastAccessedDate,
    String secretString,
    byte[] secretBinary) {

  public StoredVersion {
    Objects.requireNonNull(versionId, "versionId");
    stages = List.copyOf(stages);
    secretBinary = secretBinary == null ? null : secretBinary.clone();
  }

  @Override
  public byte[] secretBinary() {
    return secretBinary == null ? null : secretBinary.clone();
  }

  public boolean has(String stage) {
    return stages.contains(stage);
  }

  public boolean deprecated() {
    return stages.isEmpty();
  }

  /** Whether this version holds exactly this value (how a repeated ClientRequestToken is judged). */
  public boolean holds(String string, byte[] binary) {
    return Objects.equals(secretString, string) && Arrays.equals(secretBinary, binary);
  }

  public StoredVersion withStages(List<String> newStages) {
    return new StoredVersion(versionId, newStages, createdDate, lastAccessedDate, secretString, secretBinary);
  }

  public StoredVersion accessedOn(Instant day) {
    return new StoredVersion(versionId, stages, createdDate, day, secretString, secretBinary);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredVersion v && versionId.equals(v.versionId) && stages.equals(v.stages)
        && Objects.equals(createdDate, v.createdDate) && Objects.equals(lastAccessedDate, v.lastAccessedDate)
        && holds(v.secretString, v.secretBinary);
  }

  @Override
  public int hashCode() {
    return Objects.hash(versionId, stages, createdDate);
  }

  /** Without the value: records end up in log lines and messages, secret values must not. */
  @Override
  public String toString() {
    return "StoredVersion[versionId=" + versionId + ", stages=" + stages + ", createdDate=" + createdDate
        + ", lastAccessedDate=" + lastAccessedDate + ", value=*** redacted ***]";
  }
}
