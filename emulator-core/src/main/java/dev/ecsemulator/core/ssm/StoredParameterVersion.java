package dev.ecsemulator.core.ssm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of a parameter, as stored under {@link SsmKinds#PARAMETER_VERSION}: PutParameter makes each, complete
 * (a field the call left out is carried over from the version before). Immutable; {@link #toString} withholds the
 * value.
 *
 * @param type String, StringList or SecureString
 * @param value the value in clear
 * @param ciphertext for a SecureString, what is answered without WithDecryption (see {@link Ciphertexts}); else null
 * @param keyId for a SecureString, the KMS key as given ({@code alias/aws/ssm} by default); else null
 * @param tier Standard or Advanced: what Intelligent-Tiering chose
 * @param policies the parameter policies, each as its JSON text
 * @param labels this version's labels, in the order they were attached
 * @param lastModifiedUser the ARN of who made the version
 */
public record StoredParameterVersion(
    long version,
    String type,
    String value,
    String ciphertext,
    String keyId,
    String description,
    String allowedPattern,
    String dataType,
    String tier,
    List<String> policies,
    List<String> labels,
    Instant lastModifiedDate,
    String lastModifiedUser) {

  public StoredParameterVersion {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    policies = policies == null ? List.of() : List.copyOf(policies);
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  public boolean secure() {
    return ParameterTypes.SECURE_STRING.equals(type);
  }

  /** The value as answered: in clear, except a SecureString's when not decrypted. */
  public String value(boolean decrypt) {
    return secure() && !decrypt ? ciphertext : value;
  }

  public StoredParameterVersion withLabels(List<String> newLabels) {
    return new StoredParameterVersion(version, type, value, ciphertext, keyId, description, allowedPattern, dataType,
        tier, policies, newLabels, lastModifiedDate, lastModifiedUser);
  }

  /** As the record's own, without the value. */
  @Override
  public String toString() {
    return "StoredParameterVersion[version=" + version + ", type=" + type + ", value=*** Sensitive Data Redacted ***"
        + ", keyId=" + keyId + ", description=" + description + ", allowedPattern=" + allowedPattern + ", dataType="
        + dataType + ", tier=" + tier + ", policies=" + policies + ", labels=" + labels + ", lastModifiedDate="
        + lastModifiedDate + ", lastModifiedUser=" + lastModifiedUser + "]";
  }
}
