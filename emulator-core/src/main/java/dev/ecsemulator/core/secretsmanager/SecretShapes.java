package dev.ecsemulator.core.secretsmanager;

import dev.ecsemulator.core.secretsmanager.model.DescribeSecretResponse;
import dev.ecsemulator.core.secretsmanager.model.GetSecretValueResponse;
import dev.ecsemulator.core.secretsmanager.model.SecretListEntry;
import dev.ecsemulator.core.secretsmanager.model.SecretValueEntry;
import dev.ecsemulator.core.secretsmanager.model.SecretVersionsListEntry;
import dev.ecsemulator.core.secretsmanager.model.Tag;
import java.util.List;
import java.util.Map;

/**
 * A stored secret as the API shows it. Members AWS omits when they have nothing to say are null (so omitted): Tags
 * when there are none, VersionIdsToStages for a secret without versions, KmsKeyId for the default key. Rotation is
 * not emulated, so its members are always omitted. Pure.
 */
final class SecretShapes {

  private SecretShapes() {}

  /**
   * @param region the secret's region: PrimaryRegion is "the Region the secret is in" (API reference); whether AWS
   *     shows it for a secret that is not replicated is unverified
   */
  static DescribeSecretResponse describe(StoredSecret secret, String region) {
    return DescribeSecretResponse.builder()
        .arn(secret.arn())
        .name(secret.name())
        .description(secret.description())
        .kmsKeyId(secret.kmsKeyId())
        .lastChangedDate(secret.lastChangedDate())
        .lastAccessedDate(secret.lastAccessedDate())
        .deletedDate(secret.deletedDate())
        .tags(tags(secret))
        .versionIdsToStages(stages(secret))
        .createdDate(secret.createdDate())
        .primaryRegion(region)
        .build();
  }

  static SecretListEntry listEntry(StoredSecret secret, String region) {
    return SecretListEntry.builder()
        .arn(secret.arn())
        .name(secret.name())
        .description(secret.description())
        .kmsKeyId(secret.kmsKeyId())
        .lastChangedDate(secret.lastChangedDate())
        .lastAccessedDate(secret.lastAccessedDate())
        .deletedDate(secret.deletedDate())
        .tags(tags(secret))
        .secretVersionsToStages(stages(secret))
        .createdDate(secret.createdDate())
        .primaryRegion(region)
        .build();
  }

  static GetSecretValueResponse value(StoredSecret secret, StoredVersion version) {
    return new GetSecretValueResponse(secret.arn(), version.createdDate(), secret.name(), version.secretBinary(),
        version.secretString(), version.versionId(), version.stages());
  }

  static SecretValueEntry valueEntry(StoredSecret secret, StoredVersion version) {
    return new SecretValueEntry(secret.arn(), version.createdDate(), secret.name(), version.secretBinary(),
        version.secretString(), version.versionId(), version.stages());
  }

  static SecretVersionsListEntry versionEntry(StoredVersion version) {
    return SecretVersionsListEntry.builder()
        .versionId(version.versionId())
        .versionStages(version.stages())
        .createdDate(version.createdDate())
        .lastAccessedDate(version.lastAccessedDate())
        .build();
  }

  private static List<Tag> tags(StoredSecret secret) {
    return secret.tags().isEmpty() ? null : secret.tags();
  }

  private static Map<String, List<String>> stages(StoredSecret secret) {
    return secret.versions().isEmpty() ? null : secret.versionIdsToStages();
  }
}
