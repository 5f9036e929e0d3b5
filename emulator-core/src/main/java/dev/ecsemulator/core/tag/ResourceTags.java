package dev.ecsemulator.core.tag;

import dev.ecsemulator.core.model.Tag;
import java.util.List;

/**
 * The tags of one resource, stored apart from the resource (keyed by its ARN) so that every taggable
 * kind (cluster, task definition, task, service, capacity provider, container instance) shares one
 * implementation of TagResource, UntagResource and ListTagsForResource. Describe calls fill the shape's
 * {@code tags} member from here.
 */
public record ResourceTags(String resourceArn, List<Tag> tags) {

  public ResourceTags {
    tags = List.copyOf(tags);
  }
}
