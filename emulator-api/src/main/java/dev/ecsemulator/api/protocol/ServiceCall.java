package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.core.error.AwsException;
import dev.ecsemulator.core.error.UnknownOperationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What AWS JSON and RPC v2 CBOR do once they have found the service, the operation and the request as a JSON tree:
 * the operation's table entry, the check of the tree against the service's model, then {@link RequestBinder} (binding
 * and handler), and the 500 of a bug. Protocol-neutral, so each protocol only reads and writes its format.
 * Thread-safe.
 */
final class ServiceCall {

  private static final Logger log = LoggerFactory.getLogger(ServiceCall.class);

  /** A service on the endpoint with the validator of its model. */
  record Route(AwsService service, RequestValidator validator) {
    static Route of(AwsService service) {
      return new Route(service, new RequestValidator(service.model(), service.errors()));
    }
  }

  ServiceCall() {}

  /**
   * The operation's entry in the service's table.
   *
   * @throws AwsException the service's not-implemented error for an operation of its model it lacks, else
   *     UnknownOperationException
   */
  static OperationTable.Entry<?> entryFor(AwsService service, String operation) {
    return service.operations().find(operation).orElseThrow(() -> service.model().hasOperation(operation)
        ? service.errors().notImplemented().apply(operation)
        : new UnknownOperationException("Unknown operation: " + operation + "."));
  }

  /**
   * Validates {@code body} against the operation's input shape, binds it and runs the handler.
   *
   * @return the handler's answer (null: an empty one)
   * @throws AwsException as the service words it
   */
  Object invoke(Route route, OperationTable.Entry<?> entry, RequestContext context, JsonNode body) {
    route.validator().validate(entry.operation(), body);
    return RequestBinder.invoke(route.service(), entry, context, body);
  }

  /** The service's 500 for an unexpected failure (a bug), logged here. */
  static AwsException bug(AwsService service, String operation, String requestId, Exception e) {
    log.error("Bug: {} {} failed unexpectedly (request {})", service.name(), operation, requestId,
        service.carriesSecrets() ? WithoutMessages.of(e) : e);
    return service.errors().internal().apply("Internal error in ecs-emulator while handling " + operation
        + " (request " + requestId + "): " + e.getClass().getSimpleName());
  }
}
