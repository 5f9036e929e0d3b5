package dev.ecsemulator.api.protocol;

/**
 * Handles one ECS operation: takes the parsed request, calls one core method, returns the response shape
 * (a record, a map, or null for an empty {@code {}}). Throws {@link dev.ecsemulator.core.error.EcsException}
 * subclasses for AWS errors; anything else is a bug and becomes a ServerException.
 */
@FunctionalInterface
public interface OperationHandler<I> {

  Object handle(RequestContext context, I request);
}
