package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.error.AwsException;
import dev.ecsemulator.core.error.SerializationException;
import dev.ecsemulator.core.error.UnknownOperationException;
import dev.ecsemulator.core.json.EcsJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Smithy RPC v2 CBOR protocol ({@code smithy.protocols#rpcv2Cbor}), for every service on the endpoint whose model
 * lists {@code smithy-rpc-v2-cbor} (CloudWatch): {@code POST /service/<ServiceName>/operation/<Operation>} with
 * {@code Smithy-Protocol: rpc-v2-cbor} and a CBOR body. The service name is the model's target prefix (CloudWatch's
 * {@code GraniteServiceVersion20100801}), also accepted with its namespace ({@code com.amazonaws.cloudwatch.Granite...}).
 *
 * <p>The body is decoded into the AWS JSON tree ({@link CborBodies}) and goes through the same model check, binding and
 * table as AWS JSON ({@link ServiceCall}). Answers carry {@code Smithy-Protocol: rpc-v2-cbor}; an operation without
 * output answers 200 with no body and no content type; an error answers its status with a CBOR map of {@code __type}
 * (the error's absolute shape ID, {@code com.amazonaws.cloudwatch#ResourceNotFound}) and its message, plus
 * {@code x-amzn-query-error} for a service that once spoke AWS query. A request with {@code X-Amz-Target}, or
 * without the protocol header, is malformed (the specification requires refusing it). Thread-safe.
 */
public final class SmithyRpcV2CborProtocol implements WireProtocol {

  static final String PROTOCOL_HEADER = "smithy-protocol";
  static final String PROTOCOL = "rpc-v2-cbor";
  static final String CONTENT_TYPE = "application/cbor";
  private static final String PATH_START = "/service/";

  private static final Logger log = LoggerFactory.getLogger(SmithyRpcV2CborProtocol.class);

  private record Cbor(ServiceCall.Route route, CborBodies bodies) {}

  /** Service name (and namespace.name) to service. */
  private final Map<String, Cbor> services;
  private final Cbor fallback;
  private final ScopeResolver scopes;
  private final ObjectMapper json = EcsJson.mapper();
  private final ServiceCall calls = new ServiceCall();

  /**
   * @param services the endpoint's services that speak RPC v2 CBOR; the first also words errors of requests naming none
   * @throws IllegalArgumentException if one does not speak it, or none is given
   */
  public SmithyRpcV2CborProtocol(List<AwsService> services, ScopeResolver scopes) {
    Map<String, Cbor> byName = new LinkedHashMap<>();
    for (AwsService service : services) {
      ServiceModel model = service.model();
      if (!model.speaks("smithy-rpc-v2-cbor") || model.targetPrefix().isEmpty()) {
        throw new IllegalArgumentException(service.name() + " does not speak Smithy RPC v2 CBOR");
      }
      Cbor cbor = new Cbor(ServiceCall.Route.of(service), new CborBodies(model));
      byName.put(model.targetPrefix(), cbor);
      byName.put(model.smithyNamespace() + "." + model.targetPrefix(), cbor);
    }
    this.services = Map.copyOf(byName);
    this.fallback = byName.values().iterator().next();
    this.scopes = scopes;
  }

  /** A request to {@code /service/...}. */
  @Override
  public boolean accepts(Context ctx) {
    return ctx.path().startsWith(PATH_START);
  }

  @Override
  public void handle(Context ctx) {
    String requestId = AwsJsonProtocol.requestId();
    ctx.header(AwsJsonProtocol.REQUEST_ID_HEADER, requestId);
    ctx.header(PROTOCOL_HEADER, PROTOCOL);
    String[] path = ctx.path().substring(PATH_START.length()).split("/", -1);
    Cbor service = path.length == 3 ? services.get(path[0]) : null;
    Cbor cbor = service != null ? service : fallback;
    String operation = path.length == 3 && path[1].equals("operation") ? path[2] : null;
    try {
      byte[] raw = RequestBody.read(ctx);
      checkHeaders(ctx);
      if (service == null || operation == null || operation.isEmpty()) {
        throw new UnknownOperationException("Unknown operation: " + ctx.path() + ".");
      }
      OperationTable.Entry<?> entry = ServiceCall.entryFor(cbor.route().service(), operation);
      ObjectNode body = cbor.bodies().read(raw);
      RequestContext context = new RequestContext(scopes.resolve(ctx.header("Authorization")), operation, requestId);
      Object result = calls.invoke(cbor.route(), entry, context, body);
      ctx.status(200);
      Optional<String> output = cbor.route().service().model().outputShape(operation);
      if (output.isPresent()) {
        JsonNode tree = result == null ? JsonNodeFactory.instance.objectNode() : json.valueToTree(result);
        write(ctx, cbor.bodies().write(tree, output.get()));
      }
    } catch (AwsException e) {
      writeError(ctx, cbor, e);
    } catch (Exception e) {
      writeError(ctx, cbor, ServiceCall.bug(cbor.route().service(), operation, requestId, e));
    }
  }

  /** The protocol's header is required; a target header makes a request malformed. */
  private static void checkHeaders(Context ctx) {
    if (ctx.header("X-Amz-Target") != null || ctx.header("X-Amzn-Target") != null) {
      throw new SerializationException("A Smithy RPC v2 CBOR request must not have an X-Amz-Target header.");
    }
    if (!PROTOCOL.equals(ctx.header(PROTOCOL_HEADER))) {
      throw new SerializationException("A request to /service/.../operation/... needs the header "
          + "Smithy-Protocol: rpc-v2-cbor.");
    }
  }

  private void writeError(Context ctx, Cbor cbor, AwsException e) {
    ServiceModel model = cbor.route().service().model();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("__type", model.smithyNamespace() + "#" + e.errorCode());
    body.put(model.messageMember(e.errorCode()), e.getMessage());
    body.setAll((ObjectNode) json.valueToTree(e.extraMembers()));
    ctx.status(e.httpStatus());
    model.queryError(e.errorCode(), e.httpStatus())
        .ifPresent(code -> ctx.header(AwsJsonProtocol.QUERY_ERROR_HEADER, code));
    write(ctx, cbor.bodies().write(body, null));
  }

  private static void write(Context ctx, byte[] bytes) {
    jakarta.servlet.http.HttpServletResponse response = ctx.res();
    response.setContentType(CONTENT_TYPE);
    response.setContentLength(bytes.length);
    try {
      response.getOutputStream().write(bytes);
    } catch (IOException e) {
      log.debug("could not write the answer: {}", e.getMessage()); // the client went away
    }
  }
}
