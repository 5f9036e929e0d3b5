package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.elbv2.error.InvalidConfigurationRequestException;
import dev.ecsemulator.core.elbv2.error.ValidationError;
import dev.ecsemulator.core.elbv2.model.TargetGroupAttribute;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attributes of an HTTP target group of an application load balancer, with AWS's defaults (the
 * DescribeTargetGroupAttributes answer for a new group). The data plane honours
 * {@code deregistration_delay.timeout_seconds} and {@code slow_start.duration_seconds}; the others are kept and shown.
 */
public final class TargetGroupAttributes {

  public static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";
  public static final String SLOW_START = "slow_start.duration_seconds";

  /** Every key a new HTTP target group has, with its default. */
  static final Map<String, String> DEFAULTS = Map.ofEntries(
      Map.entry(DEREGISTRATION_DELAY, "300"),
      Map.entry(SLOW_START, "0"),
      Map.entry("stickiness.enabled", "false"),
      Map.entry("stickiness.type", "lb_cookie"),
      Map.entry("stickiness.lb_cookie.duration_seconds", "86400"),
      Map.entry("stickiness.app_cookie.cookie_name", ""),
      Map.entry("stickiness.app_cookie.duration_seconds", "86400"),
      Map.entry("load_balancing.algorithm.type", "round_robin"),
      Map.entry("load_balancing.algorithm.anomaly_mitigation", "off"),
      Map.entry("load_balancing.cross_zone.enabled", "use_load_balancer_configuration"),
      Map.entry("target_group_health.dns_failover.minimum_healthy_targets.count", "1"),
      Map.entry("target_group_health.dns_failover.minimum_healthy_targets.percentage", "off"),
      Map.entry("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1"),
      Map.entry("target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off"));

  private TargetGroupAttributes() {}

  static Map<String, String> defaults() {
    return new TreeMap<>(DEFAULTS);
  }

  /**
   * {@code current} with the changes applied.
   *
   * @throws ValidationError for an unknown key (wording ours, unverified) or a value out of AWS's range
   */
  static Map<String, String> apply(Map<String, String> current, List<TargetGroupAttribute> changes) {
    Map<String, String> next = new TreeMap<>(current);
    for (TargetGroupAttribute change : changes) {
      String key = change.key();
      String value = change.value() == null ? "" : change.value();
      if (key == null || !DEFAULTS.containsKey(key)) {
        throw new ValidationError("Target group attribute key '" + key + "' is not recognized");
      }
      switch (key) {
        // AWS's wording (moto mirrors it).
        case DEREGISTRATION_DELAY -> range(key, value, 0, 3600);
        case SLOW_START -> {
          int seconds = integer(key, value);
          if (seconds != 0 && (seconds < 30 || seconds > 900)) {
            throw new ValidationError("'" + key + "' value '" + value + "' must be between '30-900' inclusive");
          }
        }
        case "stickiness.enabled" -> bool(key, value);
        case "stickiness.lb_cookie.duration_seconds", "stickiness.app_cookie.duration_seconds" ->
            range(key, value, 1, 604800);
        default -> { }
      }
      next.put(key, value);
    }
    return next;
  }

  static List<TargetGroupAttribute> asList(Map<String, String> attributes) {
    return attributes.entrySet().stream().map(e -> new TargetGroupAttribute(e.getKey(), e.getValue())).toList();
  }

  private static void range(String key, String value, int min, int max) {
    int n = integer(key, value);
    if (n < min || n > max) {
      throw new ValidationError("'" + key + "' value '" + value + "' must be between '" + min + "-" + max
          + "' inclusive");
    }
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ValidationError("'" + key + "' value '" + value + "' must be an integer");
    }
  }

  private static void bool(String key, String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new InvalidConfigurationRequestException("'" + key + "' must be 'true' or 'false'");
    }
  }
}
