package dev.ecsemulator.core.tag;

import static dev.ecsemulator.core.EcsKinds.RESOURCE_TAGS;

import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import java.util.List;

/**
 * The one way to read and write a resource's tags in {@link dev.ecsemulator.core.EcsKinds#RESOURCE_TAGS}.
 * Creators call {@link #put} with the (already {@link TagRules#validate validated}) tags of a create
 * request, describers call {@link #get} to fill the shape's {@code tags}, deleters call {@link #remove}
 * ("When a resource is deleted, the tags that are associated with that resource are deleted as well",
 * Model docs of TagResource). Stateless; use inside a store read or write.
 */
public final class ResourceTagging {

  private ResourceTagging() {}

  /** Replaces the resource's tags; an empty or null list removes them. */
  public static void put(StateTxn txn, String resourceArn, List<Tag> tags) {
    if (tags == null || tags.isEmpty()) {
      txn.remove(RESOURCE_TAGS, resourceArn);
    } else {
      txn.put(RESOURCE_TAGS, resourceArn, new ResourceTags(resourceArn, tags));
    }
  }

  /** The resource's tags in the order they were added; empty when it has none. Never null. */
  public static List<Tag> get(StateView view, String resourceArn) {
    return view.get(RESOURCE_TAGS, resourceArn).map(ResourceTags::tags).orElse(List.of());
  }

  /** Forgets the resource's tags. Idempotent. */
  public static void remove(StateTxn txn, String resourceArn) {
    txn.remove(RESOURCE_TAGS, resourceArn);
  }
}
