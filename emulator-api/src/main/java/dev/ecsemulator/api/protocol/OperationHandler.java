package dev.ecsemulator.api.protocol;

/**
 * Handles one operation: takes the parsed request, calls one core method, returns the response shape
 * (a record, a map, or null for an empty {@code {}}). Throws {@link dev.ecsemulator.core.error.AwsException}
 * subclasses of its service for AWS errors; anything else is a bug and becomes the service's 500 (ECS: a
 * ServerException).
 */
@FunctionalInterface
public interface OperationHandler<I> {

  Object handle(RequestContext context, I request);
}
