package dev.ecsemulator.core.ssm;

import dev.ecsemulator.core.ssm.model.Tag;
import java.util.List;
import java.util.Objects;

/**
 * A parameter as stored under {@link SsmKinds#PARAMETER}: what does not change from version to version. Its versions
 * are {@link StoredParameterVersion}s. Immutable.
 *
 * @param name the name as the first PutParameter gave it ({@code /TestParam1} and {@code TestParam1} are one
 *     parameter, answered under this spelling)
 * @param latestVersion the newest version's number; numbers are never reused while the parameter exists
 */
public record StoredParameter(String name, String arn, List<Tag> tags, long latestVersion) {

  public StoredParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public StoredParameter withLatestVersion(long version) {
    return new StoredParameter(name, arn, tags, version);
  }

  public StoredParameter withTags(List<Tag> newTags) {
    return new StoredParameter(name, arn, newTags, latestVersion);
  }
}
