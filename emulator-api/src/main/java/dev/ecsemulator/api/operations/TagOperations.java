package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.model.ListTagsForResourceRequest;
import dev.ecsemulator.core.model.ListTagsForResourceResponse;
import dev.ecsemulator.core.model.TagResourceRequest;
import dev.ecsemulator.core.model.TagResourceResponse;
import dev.ecsemulator.core.model.UntagResourceRequest;
import dev.ecsemulator.core.model.UntagResourceResponse;
import dev.ecsemulator.core.tag.Tags;

/** TagResource, UntagResource and ListTagsForResource. */
public final class TagOperations {

  private TagOperations() {}

  public static void register(OperationTable table, Tags tags) {
    table.register("TagResource", TagResourceRequest.class, (ctx, req) -> {
      tags.tag(ctx.scope(), req.resourceArn(), req.tags());
      return TagResourceResponse.empty();
    });
    table.register("UntagResource", UntagResourceRequest.class, (ctx, req) -> {
      tags.untag(ctx.scope(), req.resourceArn(), req.tagKeys());
      return UntagResourceResponse.empty();
    });
    table.register("ListTagsForResource", ListTagsForResourceRequest.class,
        (ctx, req) -> new ListTagsForResourceResponse(tags.list(ctx.scope(), req.resourceArn())));
  }
}
