package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.attribute.Attributes;
import dev.ecsemulator.core.model.DeleteAttributesRequest;
import dev.ecsemulator.core.model.DeleteAttributesResponse;
import dev.ecsemulator.core.model.ListAttributesRequest;
import dev.ecsemulator.core.model.ListAttributesResponse;
import dev.ecsemulator.core.model.PutAttributesRequest;
import dev.ecsemulator.core.model.PutAttributesResponse;

/** PutAttributes, ListAttributes and DeleteAttributes. */
public final class AttributeOperations {

  private AttributeOperations() {}

  public static void register(OperationTable table, Attributes attributes) {
    table.register("PutAttributes", PutAttributesRequest.class, (ctx, req) ->
        new PutAttributesResponse(attributes.put(ctx.scope(), req.cluster(), req.attributes())));
    table.register("DeleteAttributes", DeleteAttributesRequest.class, (ctx, req) ->
        new DeleteAttributesResponse(attributes.delete(ctx.scope(), req.cluster(), req.attributes())));
    table.register("ListAttributes", ListAttributesRequest.class, (ctx, req) -> {
      var page = attributes.list(ctx.scope(), req.cluster(), req.targetType(), req.attributeName(),
          req.attributeValue(), req.maxResults(), req.nextToken());
      return new ListAttributesResponse(page.items(), page.nextToken());
    });
  }
}
