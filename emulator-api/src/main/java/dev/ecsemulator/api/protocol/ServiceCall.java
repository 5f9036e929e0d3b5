package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.error.AwsException;
import dev.ecsemulator.core.error.SerializationException;
import dev.ecsemulator.core.error.UnknownOperationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every wire protocol does once it has found the service, the operation and the request as a JSON tree (the
 * tree AWS JSON sends; other protocols decode into it): checks the tree against the service's model, binds it to the
 * operation's request record, and calls the handler. Protocol-neutral, so each protocol only reads and writes its
 * format. Thread-safe.
 */
final class ServiceCall {

  private static final Logger log = LoggerFactory.getLogger(ServiceCall.class);

  /** A service on the endpoint with the validator of its model. */
  record Route(AwsService service, RequestValidator validator) {
    static Route of(AwsService service) {
      return new Route(service, new RequestValidator(service.model(), service.errors()));
    }
  }

  private final ObjectMapper json;

  ServiceCall(ObjectMapper json) {
    this.json = json;
  }

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
    return call(route.service(), entry, context, body);
  }

  @SuppressWarnings("unchecked")
  private <I> Object call(AwsService service, OperationTable.Entry<I> entry, RequestContext context, JsonNode body) {
    I request;
    if (entry.requestType() == JsonNode.class || entry.requestType() == ObjectNode.class) {
      request = (I) body;
    } else {
      try {
        request = json.treeToValue(body, entry.requestType());
      } catch (InvalidFormatException e) {
        // Passed the model check, so this is a value our records reject (e.g. an enum we map).
        throw service.errors().invalid().apply("Invalid value " + e.getValue() + " at '" + path(e) + "'.");
      } catch (MismatchedInputException e) {
        throw new SerializationException("Cannot read member '" + path(e) + "': " + e.getOriginalMessage());
      } catch (JsonProcessingException e) {
        throw new SerializationException(e.getOriginalMessage());
      }
    }
    return entry.handler().handle(context, request);
  }

  /** The service's 500 for an unexpected failure (a bug), logged here. */
  static AwsException bug(AwsService service, String operation, String requestId, Exception e) {
    log.error("Bug: {} {} failed unexpectedly (request {})", service.name(), operation, requestId,
        service.carriesSecrets() ? WithoutMessages.of(e) : e);
    return service.errors().internal().apply("Internal error in ecs-emulator while handling " + operation
        + " (request " + requestId + "): " + e.getClass().getSimpleName());
  }

  private static String path(MismatchedInputException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex() + 1));
    }
    return path.toString();
  }
}
