package dev.ecsemulator.core.ssm;

import dev.ecsemulator.core.ssm.model.Parameter;
import dev.ecsemulator.core.ssm.model.ParameterHistory;
import dev.ecsemulator.core.ssm.model.ParameterMetadata;

/**
 * A stored parameter as each answer shows it (AWS CLI reference examples of get-parameter, describe-parameters and
 * get-parameter-history): GetParameter has no tier or key; DescribeParameters no value; the history every field of
 * each version, Labels and Policies always present, if empty. Pure.
 */
final class ParameterShapes {

  private ParameterShapes() {}

  /** @param selector what followed the name's ':' in the request ({@code :label} is answered), or null */
  static Parameter parameter(StoredParameter parameter, StoredParameterVersion version, String selector,
      boolean decrypt) {
    return Parameter.builder()
        .name(parameter.name())
        .type(version.type())
        .value(version.value(decrypt))
        .version(version.version())
        .selector(selector == null ? null : ":" + selector)
        .lastModifiedDate(version.lastModifiedDate())
        .arn(parameter.arn())
        .dataType(version.dataType())
        .build();
  }

  static ParameterMetadata metadata(StoredParameter parameter, StoredParameterVersion version) {
    return ParameterMetadata.builder()
        .name(parameter.name())
        .arn(parameter.arn())
        .type(version.type())
        .keyId(version.keyId())
        .lastModifiedDate(version.lastModifiedDate())
        .lastModifiedUser(version.lastModifiedUser())
        .description(version.description())
        .allowedPattern(version.allowedPattern())
        .version(version.version())
        .tier(version.tier())
        .policies(ParameterPolicies.inline(version.policies()))
        .dataType(version.dataType())
        .build();
  }

  static ParameterHistory history(StoredParameter parameter, StoredParameterVersion version, boolean decrypt) {
    return ParameterHistory.builder()
        .name(parameter.name())
        .type(version.type())
        .keyId(version.keyId())
        .lastModifiedDate(version.lastModifiedDate())
        .lastModifiedUser(version.lastModifiedUser())
        .description(version.description())
        .value(version.value(decrypt))
        .allowedPattern(version.allowedPattern())
        .version(version.version())
        .labels(version.labels())
        .tier(version.tier())
        .policies(ParameterPolicies.inline(version.policies()))
        .dataType(version.dataType())
        .build();
  }
}
