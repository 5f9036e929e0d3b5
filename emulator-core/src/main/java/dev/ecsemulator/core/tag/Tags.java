package dev.ecsemulator.core.tag;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.state.StateStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * TagResource, UntagResource and ListTagsForResource for every taggable kind, over
 * {@link ResourceTagging}. Resources are found by {@link ResourceLocator}. Thread-safe: each call is one
 * store transaction.
 */
public final class Tags {

  private final StateStore store;

  public Tags(StateStore store) {
    this.store = store;
  }

  /**
   * TagResource: adds tags, replacing the values of keys the resource already has ("If existing tags on
   * a resource aren't specified in the request parameters, they aren't changed", Model docs).
   */
  public void tag(Scope scope, String resourceArn, List<Tag> tags) {
    store.write(scope, txn -> {
      ResourceLocator.require(txn, scope, resourceArn);
      List<Tag> merged = TagRules.validate(ResourceTagging.get(txn, resourceArn), tags);
      ResourceTagging.put(txn, resourceArn, merged);
      return null;
    });
  }

  /** UntagResource: removes the given keys; keys the resource does not have are ignored. */
  public void untag(Scope scope, String resourceArn, List<String> tagKeys) {
    store.write(scope, txn -> {
      ResourceLocator.require(txn, scope, resourceArn);
      TagRules.validateRemoval(tagKeys);
      Set<String> removing = new HashSet<>(tagKeys);
      List<Tag> kept = ResourceTagging.get(txn, resourceArn).stream()
          .filter(t -> !removing.contains(t.key())).toList();
      ResourceTagging.put(txn, resourceArn, kept);
      return null;
    });
  }

  /** ListTagsForResource: the resource's tags, in the order they were first added. */
  public List<Tag> list(Scope scope, String resourceArn) {
    return store.read(scope, view -> {
      ResourceLocator.require(view, scope, resourceArn);
      return ResourceTagging.get(view, resourceArn);
    });
  }
}
