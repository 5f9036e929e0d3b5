package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.error.SerializationException;
import dev.ecsemulator.core.json.EcsJson;

/**
 * Binds a validated request tree to its operation's request record and runs the handler: the step every wire protocol
 * shares once it has the request as a JSON tree (AWS JSON parses it; the query protocol decodes its form into it).
 * Thread-safe.
 */
final class RequestBinder {

  private static final ObjectMapper JSON = EcsJson.mapper();

  private RequestBinder() {}

  /** Binds {@code body} to the entry's request type (a raw tree for raw entries) and calls its handler. */
  @SuppressWarnings("unchecked")
  static <I> Object invoke(AwsService service, OperationTable.Entry<I> entry, RequestContext context, JsonNode body) {
    I request;
    if (entry.requestType() == JsonNode.class || entry.requestType() == ObjectNode.class) {
      request = (I) body;
    } else {
      try {
        request = JSON.treeToValue(body, entry.requestType());
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
