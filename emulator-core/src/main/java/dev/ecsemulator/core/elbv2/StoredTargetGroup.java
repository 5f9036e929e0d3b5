package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.elbv2.model.Tag;
import dev.ecsemulator.core.elbv2.model.TargetGroup;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A target group as stored: as DescribeTargetGroups shows it (without its load balancers, which follow from the
 * listeners and rules that use it), its attributes (every key with its value, AWS's defaults filled in) and its tags.
 */
public record StoredTargetGroup(TargetGroup targetGroup, Map<String, String> attributes, List<Tag> tags) {

  public StoredTargetGroup {
    attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public String arn() {
    return targetGroup.targetGroupArn();
  }

  public String name() {
    return targetGroup.targetGroupName();
  }

  /** The deregistration delay ({@code deregistration_delay.timeout_seconds}). */
  public int deregistrationDelaySeconds() {
    return Integer.parseInt(attributes.getOrDefault(TargetGroupAttributes.DEREGISTRATION_DELAY, "300"));
  }

  /** The slow start duration ({@code slow_start.duration_seconds}), 0 when off. */
  public int slowStartSeconds() {
    return Integer.parseInt(attributes.getOrDefault(TargetGroupAttributes.SLOW_START, "0"));
  }

  public StoredTargetGroup withTargetGroup(TargetGroup group) {
    return new StoredTargetGroup(group, attributes, tags);
  }

  public StoredTargetGroup withAttributes(Map<String, String> newAttributes) {
    return new StoredTargetGroup(targetGroup, newAttributes, tags);
  }

  public StoredTargetGroup withTags(List<Tag> newTags) {
    return new StoredTargetGroup(targetGroup, attributes, newTags);
  }
}
