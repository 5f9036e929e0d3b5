package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.core.error.AwsException;
import dev.ecsemulator.core.error.UnknownOperationException;
import dev.ecsemulator.core.json.EcsJson;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS JSON protocol (1.0 and 1.1) at {@code POST /}, for every JSON service on the endpoint: routes a request by
 * the prefix of its {@code X-Amz-Target} ({@code secretsmanager.GetSecretValue}) to its {@link AwsService}, checks the
 * body against that service's model, binds it, dispatches through the service's {@link OperationTable}, and writes
 * the response or error. This is the one place where errors become JSON answers: {@link AwsException}s with their
 * AWS code and status, worded as their service words them ({@link ServiceErrors}), anything else as the service's
 * 500 (and a logged bug).
 */
public final class AwsJsonProtocol implements WireProtocol {

  public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
  /** The query error code of a service that once spoke AWS query (see {@link ServiceModel#queryError}). */
  static final String QUERY_ERROR_HEADER = "x-amzn-query-error";
  /** The largest request body read; larger ones are refused with a 413 {@code RequestEntityTooLargeException}. */
  public static final long MAX_BODY_BYTES = RequestBody.MAX_BYTES;

  private static final Logger log = LoggerFactory.getLogger(AwsJsonProtocol.class);
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  /** Target prefix to route. */
  private final Map<String, ServiceCall.Route> routes;
  /** Words the errors of a request that names no service on the endpoint: the first service given (ECS). */
  private final ServiceCall.Route fallback;
  private final ScopeResolver scopes;
  private final ObjectMapper json = EcsJson.mapper();
  /**
   * Answers: the same mapping, with ARNs written from bytes made once (see {@link ArnBytes}) and tasks from bytes made
   * once per version of the task (see {@link TaskBytes}).
   */
  private final ObjectMapper answers = TaskBytes.writingTasksFromCache(ArnBytes.writingArnsFromCache(json));
  private final ServiceCall calls = new ServiceCall();

  /**
   * @param services the JSON-protocol services of the endpoint; the first also words the errors of requests that name
   *     none of them
   * @throws IllegalArgumentException if two share a target prefix or one is not a JSON-protocol service
   */
  public AwsJsonProtocol(List<AwsService> services, ScopeResolver scopes) {
    Map<String, ServiceCall.Route> byPrefix = new LinkedHashMap<>();
    for (AwsService service : services) {
      if (!service.model().speaks("json") || service.model().targetPrefix().isEmpty()) {
        throw new IllegalArgumentException(service.name() + " is not an AWS JSON service");
      }
      ServiceCall.Route route = ServiceCall.Route.of(service);
      if (byPrefix.putIfAbsent(service.model().targetPrefix(), route) != null) {
        throw new IllegalArgumentException("two services share the target prefix " + service.model().targetPrefix());
      }
    }
    this.routes = Map.copyOf(byPrefix);
    this.fallback = byPrefix.values().iterator().next();
    this.scopes = scopes;
  }

  /** A request naming a target, or sent as AWS JSON: the default protocol takes any other too. */
  @Override
  public boolean accepts(Context ctx) {
    String contentType = ctx.header("Content-Type");
    return ctx.header("X-Amz-Target") != null
        || (contentType != null && contentType.startsWith("application/x-amz-json-"));
  }

  @Override
  public void handle(Context ctx) {
    String requestId = requestId();
    ctx.header(REQUEST_ID_HEADER, requestId);
    String target = ctx.header("X-Amz-Target");
    ServiceCall.Route route = routeOf(target);
    String operation = null;
    try {
      // The whole request is read before anything is answered, errors included, so no answer leaves while its
      // request is still arriving and the connection is left as a kept-alive client expects it.
      byte[] raw = RequestBody.read(ctx);
      operation = operationOf(target, route);
      OperationTable.Entry<?> entry = ServiceCall.entryFor(route.service(), operation);
      JsonNode body = RequestBody.parse(json, raw);
      RequestContext context = new RequestContext(scopes.resolve(ctx.header("Authorization")), operation, requestId);
      Object result = calls.invoke(route, entry, context, body);
      ctx.status(200);
      writeJson(ctx, route.service(), result == null ? EMPTY_OBJECT : answers.writeValueAsBytes(result));
    } catch (AwsException e) {
      writeError(ctx, route.service(), e);
    } catch (Exception e) {
      writeError(ctx, route.service(), ServiceCall.bug(route.service(), operation, requestId, e));
    }
  }

  /** The service the target's prefix names, else the fallback (to word the UnknownOperationException). */
  private ServiceCall.Route routeOf(String target) {
    int dot = target == null ? -1 : target.indexOf('.');
    ServiceCall.Route route = dot < 0 ? null : routes.get(target.substring(0, dot));
    return route != null ? route : fallback;
  }

  /** The operation a target names within its route's service. */
  private static String operationOf(String target, ServiceCall.Route route) {
    String prefix = route.service().model().targetPrefix() + ".";
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

  private void writeError(Context ctx, AwsService service, AwsException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("__type", e.errorCode());
    body.put(service.model().messageMember(e.errorCode()), e.getMessage());
    body.putAll(e.extraMembers());
    ctx.status(e.httpStatus());
    ctx.header("X-Amzn-ErrorType", e.errorCode());
    service.model().queryError(e.errorCode(), e.httpStatus()).ifPresent(code -> ctx.header(QUERY_ERROR_HEADER, code));
    try {
      writeJson(ctx, service, json.writeValueAsBytes(body));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * Writes the answer to the response itself, with its length. Handed to Javalin as a result, it was copied again
   * through Javalin's output stream: 20 % of ListTasks' server time in a profile at one connection.
   */
  private static void writeJson(Context ctx, AwsService service, byte[] bytes) {
    jakarta.servlet.http.HttpServletResponse response = ctx.res();
    response.setContentType(service.model().jsonContentType());
    response.setContentLength(bytes.length);
    try {
      response.getOutputStream().write(bytes);
    } catch (java.io.IOException e) {
      // The client went away: there is no one to answer.
      log.debug("could not write the answer: {}", e.getMessage());
    }
  }
}
