package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.error.AwsException;
import dev.ecsemulator.core.error.InvalidAction;
import dev.ecsemulator.core.error.MissingAction;
import dev.ecsemulator.core.json.EcsJson;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS query protocol at {@code POST /} ({@code Content-Type: application/x-www-form-urlencoded}), for every service
 * whose model speaks it (ELBv2; CloudWatch's older clients). A request names its service by its SigV4 credential scope
 * ({@code .../us-east-1/elasticloadbalancing/aws4_request}: the model's signing name) or, unsigned, by its
 * {@code Version} (the model's API version); its operation by {@code Action}. The form is decoded into the JSON tree
 * the AWS JSON protocol would carry ({@link QueryDecoder}), checked by the same {@link RequestValidator}, bound and
 * dispatched through the service's {@link OperationTable}, and the answer written as XML by the output shape
 * ({@link QueryXml}, {@code text/xml}).
 *
 * <p>Errors are {@code <ErrorResponse>}s with the model's error code for the {@link AwsException}'s shape
 * ({@link ServiceModel#wireErrorCode}: TargetGroupNotFoundException is sent as {@code TargetGroupNotFound}), the
 * exception's status, and {@code Sender} below 500. A request without {@code Action} is {@code MissingAction}; an
 * {@code Action} the model lacks, or a {@code Version} other than the model's, {@code InvalidAction} ("Could not find
 * operation X for version V", as AWS's query front end words it: seen in public error reports, unverified here); an
 * operation of the model the service does not implement, its {@link ServiceErrors#notImplemented()}. Thread-safe.
 */
public final class AwsQueryProtocol implements WireProtocol {

  public static final String FORM = "application/x-www-form-urlencoded";
  public static final String CONTENT_TYPE = "text/xml";

  private static final Logger log = LoggerFactory.getLogger(AwsQueryProtocol.class);

  /** A query service on the endpoint, with what decodes, checks and writes its requests. */
  private record Route(AwsService service, QueryDecoder decoder, RequestValidator validator, QueryXml xml) {}

  /** By signing name. */
  private final Map<String, Route> bySigningName;
  /** By API version, for unsigned requests. */
  private final Map<String, Route> byVersion;
  /** Words the errors of an unsigned request whose Version names none of the services: the first given. */
  private final Route fallback;
  private final ScopeResolver scopes;
  private final ObjectMapper json = EcsJson.mapper();

  /**
   * @param services the query-protocol services of the endpoint, at least one
   * @throws IllegalArgumentException if one does not speak the query protocol or two share a signing name
   */
  public AwsQueryProtocol(List<AwsService> services, ScopeResolver scopes) {
    Map<String, Route> names = new LinkedHashMap<>();
    Map<String, Route> versions = new LinkedHashMap<>();
    for (AwsService service : services) {
      ServiceModel model = service.model();
      if (!model.speaks("query")) {
        throw new IllegalArgumentException(service.name() + " does not speak the AWS query protocol");
      }
      Route route = new Route(service, new QueryDecoder(model, service.errors()),
          new RequestValidator(model, service.errors()), new QueryXml(model));
      if (names.putIfAbsent(model.signingName(), route) != null) {
        throw new IllegalArgumentException("two query services share the signing name " + model.signingName());
      }
      versions.putIfAbsent(model.apiVersion(), route);
    }
    this.bySigningName = Map.copyOf(names);
    this.byVersion = Map.copyOf(versions);
    this.fallback = names.values().iterator().next();
    this.scopes = scopes;
  }

  /**
   * A form post that is signed for one of the query services, or unsigned (then its Version decides). A form signed for
   * another service (ECS) is not taken: it goes to the default protocol, as before there was this one.
   */
  @Override
  public boolean accepts(Context ctx) {
    String contentType = ctx.header("Content-Type");
    if (contentType == null || !contentType.regionMatches(true, 0, FORM, 0, FORM.length())
        || ctx.header("X-Amz-Target") != null) {
      return false;
    }
    String service = ScopeResolver.signedService(ctx.header("Authorization"));
    return service == null || bySigningName.containsKey(service);
  }

  @Override
  public void handle(Context ctx) {
    String requestId = AwsJsonProtocol.requestId();
    ctx.header(AwsJsonProtocol.REQUEST_ID_HEADER, requestId);
    String signed = ScopeResolver.signedService(ctx.header("Authorization"));
    Route route = signed == null ? null : bySigningName.get(signed);
    String action = null;
    try {
      // Read whole before anything is answered (see AwsJsonProtocol).
      QueryForm form = QueryForm.parse(RequestBody.read(ctx));
      if (route == null) {
        route = byVersion.getOrDefault(String.valueOf(form.get("Version")), fallback);
      }
      action = form.get("Action");
      OperationTable.Entry<?> entry = entryFor(route.service(), action, form.get("Version"));
      ObjectNode body = route.decoder().decode(action, form);
      route.validator().validate(action, body);
      RequestContext context = new RequestContext(scopes.resolve(ctx.header("Authorization")), action, requestId);
      Object result = RequestBinder.invoke(route.service(), entry, context, body);
      JsonNode tree = result == null ? null : json.valueToTree(result);
      write(ctx, 200, route.xml().answer(action, tree, requestId));
    } catch (AwsException e) {
      writeError(ctx, route != null ? route : fallback, e, requestId);
    } catch (Exception e) {
      Route failed = route != null ? route : fallback;
      AwsService service = failed.service();
      log.error("Bug: {} {} failed unexpectedly (request {})", service.name(), action, requestId,
          service.carriesSecrets() ? WithoutMessages.of(e) : e);
      writeError(ctx, failed, service.errors().internal().apply("Internal error in ecs-emulator while handling "
          + action + " (request " + requestId + "): " + e.getClass().getSimpleName()), requestId);
    }
  }

  private static OperationTable.Entry<?> entryFor(AwsService service, String action, String version) {
    if (action == null || action.isEmpty()) {
      throw new MissingAction("The request is missing an action or a required parameter.");
    }
    if (!service.model().hasOperation(action) || !service.model().apiVersion().equals(version)) {
      throw new InvalidAction("Could not find operation " + action + " for version " + version);
    }
    return service.operations().find(action)
        .orElseThrow(() -> service.errors().notImplemented().apply(action));
  }

  private static void writeError(Context ctx, Route route, AwsException e, String requestId) {
    ServiceModel model = route.service().model();
    String code = model.wireErrorCode(e.errorCode());
    ctx.header("X-Amzn-ErrorType", code);
    write(ctx, e.httpStatus(),
        route.xml().error(code, e.getMessage(), e.extraMembers(), e.httpStatus() < 500, requestId));
  }

  private static void write(Context ctx, int status, byte[] bytes) {
    jakarta.servlet.http.HttpServletResponse response = ctx.res();
    response.setStatus(status);
    response.setContentType(CONTENT_TYPE);
    response.setContentLength(bytes.length);
    try {
      response.getOutputStream().write(bytes);
    } catch (java.io.IOException e) {
      log.debug("could not write the answer: {}", e.getMessage());
    }
  }
}
