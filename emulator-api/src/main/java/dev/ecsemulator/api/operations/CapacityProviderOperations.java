package dev.ecsemulator.api.operations;

import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.core.capacity.CapacityProviders;
import dev.ecsemulator.core.model.CreateCapacityProviderRequest;
import dev.ecsemulator.core.model.CreateCapacityProviderResponse;
import dev.ecsemulator.core.model.DeleteCapacityProviderRequest;
import dev.ecsemulator.core.model.DeleteCapacityProviderResponse;
import dev.ecsemulator.core.model.DescribeCapacityProvidersRequest;
import dev.ecsemulator.core.model.UpdateCapacityProviderRequest;
import dev.ecsemulator.core.model.UpdateCapacityProviderResponse;

/** DescribeCapacityProviders, CreateCapacityProvider, UpdateCapacityProvider and DeleteCapacityProvider. */
public final class CapacityProviderOperations {

  private CapacityProviderOperations() {}

  public static void register(OperationTable table, CapacityProviders providers) {
    table.register("DescribeCapacityProviders", DescribeCapacityProvidersRequest.class, (ctx, req) ->
        providers.describe(ctx.scope(), req.capacityProviders(), req.cluster(),
            req.include() != null && req.include().contains("TAGS"), req.maxResults(), req.nextToken()));
    table.register("CreateCapacityProvider", CreateCapacityProviderRequest.class,
        (ctx, req) -> new CreateCapacityProviderResponse(providers.create(ctx.scope(), req)));
    table.register("UpdateCapacityProvider", UpdateCapacityProviderRequest.class,
        (ctx, req) -> new UpdateCapacityProviderResponse(providers.update(ctx.scope(), req)));
    table.register("DeleteCapacityProvider", DeleteCapacityProviderRequest.class,
        (ctx, req) -> new DeleteCapacityProviderResponse(providers.delete(ctx.scope(), req.capacityProvider())));
  }
}
