package dev.ecsemulator.core.ssm;

import dev.ecsemulator.core.state.Kind;
import java.util.List;

/**
 * The tables of SSM Parameter Store in the {@link dev.ecsemulator.core.state.StateStore}. A parameter is a head (its
 * name, ARN, tags and newest version number) and one entity per kept version, so a new version writes one small
 * entity instead of the whole history of up to 100 values. Kind names are part of the durable format, prefixed by the
 * service: never rename one.
 */
public final class SsmKinds {

  private SsmKinds() {}

  /** Key: the parameter's canonical name ({@link ParameterNames#canonical}). */
  public static final Kind<StoredParameter> PARAMETER = Kind.of("ssm-parameter", StoredParameter.class);

  /**
   * Key: the canonical name, ':' and the version number zero-padded ({@link ParameterNames#versionKey}), so a
   * parameter's versions are one key range, oldest first. Values included: the store keeps them in clear.
   */
  public static final Kind<StoredParameterVersion> PARAMETER_VERSION =
      Kind.of("ssm-parameter-version", StoredParameterVersion.class);

  /** Every kind declared here, for the composition root's registry. */
  public static List<Kind<?>> all() {
    return List.of(PARAMETER, PARAMETER_VERSION);
  }
}
