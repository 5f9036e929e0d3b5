package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.error.EcsException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.SerializationException;
import dev.ecsemulator.core.error.ServerException;
import dev.ecsemulator.core.error.UnknownOperationException;
import dev.ecsemulator.core.error.UnsupportedFeatureException;
import dev.ecsemulator.core.json.EcsJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS JSON 1.1 protocol at {@code POST /}: reads {@code X-Amz-Target}, checks and binds the body,
 * dispatches through the {@link OperationTable}, and writes the response or error. This is the one place
 * where errors become HTTP responses: {@link EcsException}s with their AWS code and status, anything
 * else as a 500 {@code ServerException} (and a logged bug).
 */
public final class AwsJsonProtocol implements Handler {

  public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
  /** The largest request body read; larger ones are refused with a 413 {@code RequestEntityTooLargeException}. */
  public static final long MAX_BODY_BYTES = RequestBody.MAX_BYTES;

  private static final Logger log = LoggerFactory.getLogger(AwsJsonProtocol.class);
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private final ServiceModel model;
  private final RequestValidator validator;
  private final OperationTable table;
  private final ScopeResolver scopes;
  private final ObjectMapper json = EcsJson.mapper();
  /** Answers: the same mapping, with ARNs written from bytes made once (see {@link ArnBytes}). */
  private final ObjectMapper answers = ArnBytes.writingArnsFromCache(json);

  public AwsJsonProtocol(ServiceModel model, OperationTable table, ScopeResolver scopes) {
    this.model = model;
    this.validator = new RequestValidator(model);
    this.table = table;
    this.scopes = scopes;
  }

  @Override
  public void handle(Context ctx) {
    String requestId = requestId();
    ctx.header(REQUEST_ID_HEADER, requestId);
    String operation = null;
    try {
      // The whole request is read before anything is answered, errors included, so no answer leaves while its
      // request is still arriving and the connection is left as a kept-alive client expects it.
      byte[] raw = RequestBody.read(ctx);
      operation = operationOf(ctx.header("X-Amz-Target"));
      OperationTable.Entry<?> entry = entryFor(operation);
      JsonNode body = RequestBody.parse(json, raw);
      validator.validate(operation, body);
      RequestContext context = new RequestContext(scopes.resolve(ctx.header("Authorization")), operation, requestId);
      Object result = invoke(entry, context, body);
      ctx.status(200);
      writeJson(ctx, result == null ? EMPTY_OBJECT : answers.writeValueAsBytes(result));
    } catch (EcsException e) {
      writeError(ctx, e);
    } catch (Exception e) {
      log.error("Bug: {} failed unexpectedly (request {})", operation, requestId, e);
      writeError(ctx, new ServerException("Internal error in ecs-emulator while handling " + operation
          + " (request " + requestId + "): " + e.getClass().getSimpleName()));
    }
  }

  private OperationTable.Entry<?> entryFor(String operation) {
    return table.find(operation).orElseThrow(() -> notFound(operation));
  }

  private EcsException notFound(String operation) {
    return model.hasOperation(operation)
        ? new UnsupportedFeatureException("ecs-emulator does not implement the " + operation
            + " operation yet. See the README for the supported operations.")
        : new UnknownOperationException("Unknown operation: " + operation + ".");
  }

  private String operationOf(String target) {
    String prefix = model.targetPrefix() + ".";
    if (target == null || !target.startsWith(prefix) || target.length() == prefix.length()) {
      throw new UnknownOperationException(target == null
          ? "Missing X-Amz-Target header: expected " + prefix + "<Operation>."
          : "Unknown operation: " + target + ".");
    }
    return target.substring(prefix.length());
  }

  /**
   * A random (version 4) UUID from the thread's own generator. {@link UUID#randomUUID()} draws from one shared
   * SecureRandom, which showed up contended in profiles under concurrent requests; a request ID needs no
   * cryptographic strength.
   */
  static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  @SuppressWarnings("unchecked")
  private <I> Object invoke(OperationTable.Entry<I> entry, RequestContext context, JsonNode body) {
    I request;
    if (entry.requestType() == JsonNode.class || entry.requestType() == ObjectNode.class) {
      request = (I) body;
    } else {
      try {
        request = json.treeToValue(body, entry.requestType());
      } catch (InvalidFormatException e) {
        // Passed the model check, so this is a value our records reject (e.g. an enum we map).
        throw new InvalidParameterException("Invalid value " + e.getValue() + " at '" + path(e) + "'.");
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

  private void writeError(Context ctx, EcsException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("__type", e.errorCode());
    body.put("message", e.getMessage());
    body.putAll(e.extraMembers());
    ctx.status(e.httpStatus());
    ctx.header("X-Amzn-ErrorType", e.errorCode());
    try {
      writeJson(ctx, json.writeValueAsBytes(body));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * Writes the answer to the response itself, with its length. Handed to Javalin as a result, it was copied again
   * through Javalin's output stream: 20 % of ListTasks' server time in a profile at one connection.
   */
  private static void writeJson(Context ctx, byte[] bytes) {
    jakarta.servlet.http.HttpServletResponse response = ctx.res();
    response.setContentType(CONTENT_TYPE);
    response.setContentLength(bytes.length);
    try {
      response.getOutputStream().write(bytes);
    } catch (java.io.IOException e) {
      // The client went away: there is no one to answer.
      log.debug("could not write the answer: {}", e.getMessage());
    }
  }
}
