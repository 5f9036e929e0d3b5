package dev.ecsemulator.core.cluster;

import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.ClusterSetting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cluster settings: the only one is {@code containerInsights} (model enum ClusterSettingName), with values
 * {@code enhanced}, {@code enabled} or {@code disabled} (Model docs of ClusterSetting.value). A bad value
 * is InvalidParameterException "Invalid setting 'value'" (as quoted in
 * terraform-aws-modules/terraform-aws-ecs#264). Pure.
 */
public final class ClusterSettingsRules {

  public static final String CONTAINER_INSIGHTS = "containerInsights";
  static final Set<String> VALUES = Set.of("enhanced", "enabled", "disabled");

  private ClusterSettingsRules() {}

  /** The settings after applying {@code changes} to {@code current}; order of first appearance kept. */
  public static List<ClusterSetting> apply(List<ClusterSetting> current, List<ClusterSetting> changes) {
    Map<String, ClusterSetting> byName = new LinkedHashMap<>();
    if (current != null) {
      current.forEach(s -> byName.put(s.name(), s));
    }
    if (changes != null) {
      for (ClusterSetting setting : changes) {
        if (!CONTAINER_INSIGHTS.equals(setting.name()) || setting.value() == null
            || !VALUES.contains(setting.value())) {
          throw new InvalidParameterException("Invalid setting 'value'");
        }
        byName.put(setting.name(), setting);
      }
    }
    return List.copyOf(byName.values());
  }
}
