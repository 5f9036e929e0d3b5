package dev.ecsemulator.core.elbv2.routing;

import dev.ecsemulator.core.elbv2.model.Action;
import dev.ecsemulator.core.elbv2.model.Rule;
import dev.ecsemulator.core.elbv2.model.RuleCondition;
import java.util.Comparator;
import java.util.List;

/**
 * Which rule of a listener a request meets, as an application load balancer decides it: rules in priority order (the
 * default rule last), the first whose conditions all hold; a condition holds when any of its values matches
 * ({@code path-pattern}: the path without the query string, case-sensitive; {@code host-header}: the Host header
 * without its port, case-insensitive). Pure.
 */
public final class RuleMatcher {

  private RuleMatcher() {}

  /**
   * The first rule that matches.
   *
   * @param rules a listener's rules by priority, its default rule last (which always matches)
   * @param host the request's Host header (null when absent)
   * @param path the request's path, without the query string
   */
  public static Rule match(List<Rule> rules, String host, String path) {
    String hostName = hostName(host);
    for (Rule rule : rules) {
      if (Boolean.TRUE.equals(rule.isDefault()) || holds(rule.conditions(), hostName, path)) {
        return rule;
      }
    }
    throw new IllegalArgumentException("a listener's rules end with its default rule");
  }

  private static boolean holds(List<RuleCondition> conditions, String host, String path) {
    for (RuleCondition condition : conditions) {
      List<String> values = condition.values();
      boolean any = false;
      for (String value : values) {
        any |= switch (condition.field()) {
          case "path-pattern" -> Wildcard.matches(value, path, false);
          case "host-header" -> host != null && Wildcard.matches(value, host, true);
          default -> false;
        };
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  /** The Host header without its port ({@code [::1]:80} keeps its brackets). */
  static String hostName(String host) {
    if (host == null) {
      return null;
    }
    int colon = host.lastIndexOf(':');
    return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
  }

  /** The action a rule ends with: its terminal action (the one with the highest order, or the last given). */
  public static Action terminal(Rule rule) {
    List<Action> actions = rule.actions();
    return actions.stream()
        .max(Comparator.comparingInt((Action a) -> a.order() == null ? 0 : a.order())
            .thenComparingInt(actions::indexOf))
        .orElseThrow();
  }
}
