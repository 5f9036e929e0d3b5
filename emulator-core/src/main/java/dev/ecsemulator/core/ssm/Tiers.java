package dev.ecsemulator.core.ssm;

import dev.ecsemulator.core.ssm.error.ValidationException;

/**
 * The tier of a new parameter version (PutParameter reference, Tier): the tier asked, else the parameter's, else the
 * account's default (Standard: the emulator keeps no service settings). Intelligent-Tiering picks Advanced when the
 * value is over 4 KB, the parameter has policies, or it is Advanced already; else Standard. An Advanced parameter is
 * never made Standard again. Sizes are counted in UTF-8 bytes (4 KB and 8 KB in the reference; AWS's message says
 * "characters", the same for ASCII). Pure.
 */
final class Tiers {

  static final String STANDARD = "Standard";
  static final String ADVANCED = "Advanced";
  static final String INTELLIGENT = "Intelligent-Tiering";

  static final int STANDARD_MAX_BYTES = 4096;
  static final int ADVANCED_MAX_BYTES = 8192;

  private Tiers() {}

  /**
   * @param requested the request's Tier, or null
   * @param current the parameter's tier, or null for a new parameter
   * @return Standard or Advanced
   * @throws ValidationException for a downgrade, a value too large for the tier, or policies on a Standard parameter
   */
  static String decide(String requested, String current, int valueBytes, boolean policies) {
    String tier;
    if (requested == null) {
      tier = current != null ? current : STANDARD;
    } else if (requested.equals(INTELLIGENT)) {
      tier = valueBytes > STANDARD_MAX_BYTES || policies || ADVANCED.equals(current) ? ADVANCED : STANDARD;
    } else {
      tier = requested;
    }
    if (tier.equals(STANDARD) && ADVANCED.equals(current)) {
      throw new ValidationException(SsmMessages.NO_DOWNGRADE);
    }
    if (tier.equals(STANDARD) && valueBytes > STANDARD_MAX_BYTES) {
      throw new ValidationException(SsmMessages.STANDARD_TOO_LARGE);
    }
    if (valueBytes > ADVANCED_MAX_BYTES) {
      throw new ValidationException(SsmMessages.ADVANCED_TOO_LARGE);
    }
    if (tier.equals(STANDARD) && policies) {
      throw new ValidationException(SsmMessages.POLICIES_NEED_ADVANCED);
    }
    return tier;
  }
}
