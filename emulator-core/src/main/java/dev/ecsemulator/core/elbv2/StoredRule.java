package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.elbv2.model.Rule;
import dev.ecsemulator.core.elbv2.model.Tag;
import java.util.List;

/** A listener's rule (not its default rule) as stored: as DescribeRules shows it, its listener and its tags. */
public record StoredRule(Rule rule, String listenerArn, List<Tag> tags) {

  public StoredRule {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public String arn() {
    return rule.ruleArn();
  }

  /** The numeric priority (a stored rule is never the default one). */
  public int priority() {
    return Integer.parseInt(rule.priority());
  }

  public StoredRule withRule(Rule changed) {
    return new StoredRule(changed, listenerArn, tags);
  }

  public StoredRule withTags(List<Tag> newTags) {
    return new StoredRule(rule, listenerArn, newTags);
  }
}
