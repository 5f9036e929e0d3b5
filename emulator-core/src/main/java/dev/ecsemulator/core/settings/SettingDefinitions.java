package dev.ecsemulator.core.settings;

import dev.ecsemulator.core.error.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account settings of the model's {@code SettingName} enum, with the value AWS reports when nobody
 * set one and the values it accepts (Model docs of {@code PutAccountSetting.value}: "enabled, disabled,
 * enhanced, on, and off", and 0/7/14 for {@code fargateTaskRetirementWaitPeriod}). Pure and immutable.
 *
 * <p>Defaults: the long ARN formats are enabled for every account since AWS ended the opt-out (Guide
 * {@code ecs-account-settings.md}); {@code defaultLogDriverMode} is {@code non-blocking} since
 * 25 June 2025 (Model docs); {@code fargateTaskRetirementWaitPeriod} is 7 days (Guide). The defaults of
 * {@code tagResourceAuthorization} ({@code on}) and {@code guardDutyActivate} ({@code off}) are
 * unverified (see docs/differences-from-aws.md).
 */
public final class SettingDefinitions {

  /** One setting name: its default and accepted values; {@code awsManaged} ones are read-only. */
  public record Definition(String name, String defaultValue, Set<String> allowedValues, boolean awsManaged) {}

  private static final Set<String> ON_OFF_ENABLED = Set.of("enabled", "disabled");

  private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

  static {
    add("serviceLongArnFormat", "enabled", ON_OFF_ENABLED, false);
    add("taskLongArnFormat", "enabled", ON_OFF_ENABLED, false);
    add("containerInstanceLongArnFormat", "enabled", ON_OFF_ENABLED, false);
    add("awsvpcTrunking", "disabled", ON_OFF_ENABLED, false);
    add("containerInsights", "disabled", Set.of("enabled", "disabled", "enhanced"), false);
    add("fargateFIPSMode", "disabled", ON_OFF_ENABLED, false);
    add("tagResourceAuthorization", "on", Set.of("on", "off"), false);
    add("fargateTaskRetirementWaitPeriod", "7", Set.of("0", "7", "14"), false);
    add("guardDutyActivate", "off", Set.of("on", "off"), true);
    add("defaultLogDriverMode", "non-blocking", Set.of("blocking", "non-blocking"), false);
    add("fargateEventWindows", "disabled", ON_OFF_ENABLED, false);
  }

  private SettingDefinitions() {}

  private static void add(String name, String defaultValue, Set<String> allowed, boolean awsManaged) {
    DEFINITIONS.put(name, new Definition(name, defaultValue, allowed, awsManaged));
  }

  /** Every setting, in the order of the model's enum (the order effective settings are listed in). */
  public static List<Definition> all() {
    return List.copyOf(DEFINITIONS.values());
  }

  /** The definition of {@code name}; the request validator has already refused names outside the enum. */
  public static Definition of(String name) {
    Definition definition = DEFINITIONS.get(name);
    if (definition == null) {
      throw new InvalidParameterException("Invalid account setting name: " + name + ".");
    }
    return definition;
  }

  /**
   * Checks a value a caller puts. A value outside the allowed ones is InvalidParameterException
   * "Invalid setting 'value'" (aws/aws-cli#3785 for {@code ENABLED} in capitals; CloudTrail record in
   * hashicorp/terraform-provider-aws#32114). The refusal of {@code guardDutyActivate}, which the Model
   * docs call read-only, has unverified wording.
   */
  public static void checkWritable(String name, String value) {
    Definition definition = of(name);
    if (definition.awsManaged()) {
      throw new InvalidParameterException("The " + name + " account setting is managed by AWS and can't be modified.");
    }
    if (value == null || !definition.allowedValues().contains(value)) {
      throw new InvalidParameterException("Invalid setting 'value'");
    }
  }
}
