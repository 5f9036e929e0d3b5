package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.elbv2.model.Listener;
import dev.ecsemulator.core.elbv2.model.Tag;
import java.util.List;

/**
 * A listener as stored: as DescribeListeners shows it, the ARN of its default rule (made from the listener when
 * described, with the listener's default actions), and its tags.
 */
public record StoredListener(Listener listener, String defaultRuleArn, List<Tag> tags) {

  public StoredListener {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public String arn() {
    return listener.listenerArn();
  }

  public StoredListener withListener(Listener changed) {
    return new StoredListener(changed, defaultRuleArn, tags);
  }

  public StoredListener withTags(List<Tag> newTags) {
    return new StoredListener(listener, defaultRuleArn, newTags);
  }
}
