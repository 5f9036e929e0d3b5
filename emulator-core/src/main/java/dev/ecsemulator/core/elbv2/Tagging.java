package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.error.DuplicateTagKeysException;
import dev.ecsemulator.core.elbv2.error.TooManyTagsException;
import dev.ecsemulator.core.elbv2.error.ValidationError;
import dev.ecsemulator.core.elbv2.model.Tag;
import dev.ecsemulator.core.elbv2.model.TagDescription;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags of load balancers, target groups, listeners and rules: AddTags, RemoveTags, DescribeTags. At most 50 per
 * resource, as AWS allows; a key given twice in one call is DuplicateTagKeys ("Tag key was specified more than once:
 * KEY", as moto words it).
 */
public final class Tagging {

  static final int MAX_TAGS = 50;

  private final StateStore store;

  public Tagging(StateStore store) {
    this.store = store;
  }

  /** Checks the tags of a create call. */
  static void checkNew(List<Tag> tags) {
    if (tags != null) {
      merged(List.of(), tags);
    }
  }

  /** {@code current} with {@code added} set on it (a key's new value replaces its old one). */
  static List<Tag> merged(List<Tag> current, List<Tag> added) {
    Set<String> seen = new HashSet<>();
    for (Tag tag : added) {
      if (!seen.add(tag.key())) {
        throw new DuplicateTagKeysException("Tag key was specified more than once: " + tag.key());
      }
    }
    Map<String, Tag> byKey = new LinkedHashMap<>();
    current.forEach(tag -> byKey.put(tag.key(), tag));
    added.forEach(tag -> byKey.put(tag.key(), tag));
    if (byKey.size() > MAX_TAGS) {
      throw new TooManyTagsException("The quota for the number of tags that can be assigned to a load balancer has "
          + "been reached");
    }
    return List.copyOf(byKey.values());
  }

  /** Adds (or replaces) tags on every resource; all or none. */
  public void add(Scope scope, List<String> arns, List<Tag> tags) {
    store.write(scope, txn -> {
      for (String arn : arns) {
        update(txn, arn, current -> merged(current, tags));
      }
      return null;
    });
  }

  /** Removes the keys from every resource (keys not set are ignored). */
  public void remove(Scope scope, List<String> arns, List<String> keys) {
    store.write(scope, txn -> {
      for (String arn : arns) {
        update(txn, arn, current -> current.stream().filter(tag -> !keys.contains(tag.key())).toList());
      }
      return null;
    });
  }

  public List<TagDescription> describe(Scope scope, List<String> arns) {
    return store.read(scope, view -> {
      List<TagDescription> out = new ArrayList<>();
      for (String arn : arns) {
        out.add(new TagDescription(arn, tagsOf(view, arn)));
      }
      return out;
    });
  }

  private static List<Tag> tagsOf(StateView view, String arn) {
    return switch (typeOf(arn)) {
      case LOAD_BALANCER -> Elbv2Lookup.loadBalancer(view, arn).tags();
      case TARGET_GROUP -> Elbv2Lookup.targetGroup(view, arn).tags();
      case LISTENER -> Elbv2Lookup.listener(view, arn).tags();
      case RULE -> Elbv2Lookup.rule(view, arn).tags();
    };
  }

  private static void update(StateTxn txn, String arn, java.util.function.UnaryOperator<List<Tag>> change) {
    switch (typeOf(arn)) {
      case LOAD_BALANCER -> {
        StoredLoadBalancer lb = Elbv2Lookup.loadBalancer(txn, arn);
        txn.put(Elbv2Kinds.LOAD_BALANCER, arn, lb.withTags(change.apply(lb.tags())));
      }
      case TARGET_GROUP -> {
        StoredTargetGroup group = Elbv2Lookup.targetGroup(txn, arn);
        txn.put(Elbv2Kinds.TARGET_GROUP, arn, group.withTags(change.apply(group.tags())));
      }
      case LISTENER -> {
        StoredListener listener = Elbv2Lookup.listener(txn, arn);
        txn.put(Elbv2Kinds.LISTENER, arn, listener.withTags(change.apply(listener.tags())));
      }
      case RULE -> {
        StoredRule rule = Elbv2Lookup.rule(txn, arn);
        txn.put(Elbv2Kinds.RULE, arn, rule.withTags(change.apply(rule.tags())));
      }
    }
  }

  private static Elbv2Arns.ResourceType typeOf(String arn) {
    Elbv2Arns.ResourceType type = Elbv2Arns.typeOf(arn);
    if (type == null) {
      // Wording ours: AWS's for an ARN of no ELBv2 resource was not found.
      throw new ValidationError("'" + arn + "' is not a valid load balancer, target group, listener or rule ARN");
    }
    return type;
  }
}
