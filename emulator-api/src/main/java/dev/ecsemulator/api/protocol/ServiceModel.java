package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The botocore model of one AWS API (a resource {@code aws/<service>-<version>.service.json.gz}, see
 * {@code aws/README.md}): the authority on the service's names (target prefix, signing name), its operations, request
 * shapes and error shapes. Immutable after loading; thread-safe.
 */
public final class ServiceModel {

  /** The ECS model's target prefix. */
  public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";
  /** The ECS model. */
  public static final String ECS = "/aws/ecs-2014-11-13.service.json.gz";

  /** Reads every model: a mapper is thread-safe once configured, and making one per model cost start-up time. */
  private static final ObjectMapper READER = new ObjectMapper();

  private final JsonNode operations;
  private final JsonNode metadata;
  /** Reads the shapes (the bulk of a model) when first needed: see {@link #loadLazily}. */
  private final java.util.function.Supplier<JsonNode> shapeSource;
  private volatile Shapes shapes; // null until first needed

  /** The shapes, and what is derived from them. */
  private record Shapes(JsonNode all, Map<String, String> messageMembers, String defaultMessageMember) {

    static Shapes of(JsonNode shapes) {
      // Error code to the name of its message member (message or Message: services differ).
      Map<String, String> members = new HashMap<>();
      int capitalized = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = shapes.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> shape = it.next();
        if (shape.getValue().path("exception").asBoolean()) {
          String member = shape.getValue().path("members").has("Message") ? "Message" : "message";
          members.put(shape.getKey(), member);
          capitalized += member.equals("Message") ? 1 : -1;
        }
      }
      return new Shapes(shapes, Map.copyOf(members), capitalized > 0 ? "Message" : "message");
    }
  }

  private ServiceModel(JsonNode metadata, JsonNode operations, java.util.function.Supplier<JsonNode> shapeSource) {
    this.metadata = metadata;
    this.operations = operations;
    this.shapeSource = shapeSource;
  }

  /** A model given as its JSON (for tests of the protocols with models made for them). */
  static ServiceModel of(JsonNode model) {
    ServiceModel read = new ServiceModel(model.path("metadata"), model.path("operations"), () -> model.path("shapes"));
    read.shapes();
    return read;
  }

  /** The ECS model. */
  public static ServiceModel load() {
    return load(ECS);
  }

  /** The model in the classpath resource {@code resource} (e.g. {@link #ECS}), read whole now. */
  public static ServiceModel load(String resource) {
    return of(read(resource, false));
  }

  /**
   * The model in {@code resource}, its shapes read when first needed (the first request of the service, which then
   * takes some milliseconds more): an emulator serves five services, and reading the models of those not used by its
   * first requests would only delay those. The names (metadata and operations, which a botocore model gives before
   * its shapes) are read now.
   */
  public static ServiceModel loadLazily(String resource) {
    JsonNode names = read(resource, true);
    return new ServiceModel(names.path("metadata"), names.path("operations"),
        () -> read(resource, false).path("shapes"));
  }

  /**
   * The model's top-level members; with {@code namesOnly}, none after {@code metadata} and {@code operations} once
   * both are read (so not the shapes, in a botocore model).
   */
  private static JsonNode read(String resource, boolean namesOnly) {
    try (InputStream raw = ServiceModel.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      ObjectMapper json = READER;
      ObjectNode model = json.createObjectNode();
      try (JsonParser parser = json.getFactory().createParser(new GZIPInputStream(raw))) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          throw new IOException("not a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          if (namesOnly && model.has("metadata") && model.has("operations")) {
            break;
          }
          String name = parser.getCurrentName();
          parser.nextToken();
          model.set(name, json.readTree(parser));
        }
      }
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private Shapes shapes() {
    Shapes read = shapes;
    if (read == null) {
      synchronized (this) {
        read = shapes;
        if (read == null) {
          read = Shapes.of(shapeSource.get());
          shapes = read;
        }
      }
    }
    return read;
  }

  /** The {@code X-Amz-Target} prefix of a JSON-protocol service ({@code secretsmanager}); empty for others. */
  public String targetPrefix() {
    return metadata.path("targetPrefix").asText();
  }

  /**
   * The service's name in SigV4 credential scopes ({@code ecs}, {@code secretsmanager}, {@code elasticloadbalancing}):
   * how a query-protocol request names its service, and the service's key in the emulator's health answer.
   */
  public String signingName() {
    JsonNode signing = metadata.get("signingName");
    return signing != null ? signing.asText() : metadata.path("endpointPrefix").asText();
  }

  /** The wire protocol: {@code json}, {@code query}, {@code smithy-rpc-v2-cbor}, ... */
  public String protocol() {
    return metadata.path("protocol").asText();
  }

  /**
   * Whether the service speaks {@code protocol}: its model's {@code protocols} list names it (CloudWatch: CBOR, JSON
   * 1.0 and query), or, for older models without that list, its {@code protocol}.
   */
  public boolean speaks(String protocol) {
    JsonNode all = metadata.get("protocols");
    if (all == null || !all.isArray()) {
      return protocol().equals(protocol);
    }
    for (JsonNode one : all) {
      if (one.asText().equals(protocol)) {
        return true;
      }
    }
    return false;
  }

  /** The API version ({@code 2015-12-01}): what a query-protocol request's {@code Version} must be. */
  public String apiVersion() {
    return metadata.path("apiVersion").asText();
  }

  /** The XML namespace of a query-protocol service's answers; empty if the model names none. */
  public String xmlNamespace() {
    return metadata.path("xmlNamespace").asText();
  }

  /**
   * The Smithy namespace of the service's shapes ({@code com.amazonaws.cloudwatch}), which Smithy RPC v2 answers put
   * before an error's name in {@code __type}: AWS's models are named {@code com.amazonaws.} and the service ID in
   * lower case without spaces.
   */
  public String smithyNamespace() {
    return "com.amazonaws." + metadata.path("serviceId").asText(signingName()).toLowerCase(java.util.Locale.ROOT)
        .replace(" ", "");
  }

  /**
   * The {@code x-amzn-query-error} header of an error answer of a service that once spoke the query protocol
   * ({@code metadata.awsQueryCompatible}, CloudWatch): {@code Code;Sender} or {@code Code;Receiver}, with the error's
   * query code from its shape ({@code InvalidParameterValueException} is {@code InvalidParameterValue}); SDKs report
   * that code. Empty for other services.
   */
  public Optional<String> queryError(String errorCode, int httpStatus) {
    if (!metadata.has("awsQueryCompatible")) {
      return Optional.empty();
    }
    JsonNode error = shapes().all().path(errorCode).path("error");
    String code = error.path("code").asText(errorCode);
    boolean sender = error.has("senderFault") ? error.path("senderFault").asBoolean() : httpStatus < 500;
    return Optional.of(code + ";" + (sender ? "Sender" : "Receiver"));
  }

  /** The content type of a JSON-protocol service's answers: {@code application/x-amz-json-1.1} or {@code -1.0}. */
  public String jsonContentType() {
    return "application/x-amz-json-" + metadata.path("jsonVersion").asText("1.1");
  }

  /**
   * The member an error's message is sent in: as the model's shape for {@code errorCode} names it, else as most of the
   * model's error shapes do (for protocol errors such as SerializationException, which no model declares).
   */
  public String messageMember(String errorCode) {
    Shapes read = shapes();
    return read.messageMembers().getOrDefault(errorCode, read.defaultMessageMember());
  }

  public Set<String> operationNames() {
    Set<String> names = new TreeSet<>();
    operations.fieldNames().forEachRemaining(names::add);
    return names;
  }

  public boolean hasOperation(String name) {
    return operations.has(name);
  }

  /** The name of the operation's input shape, if it has one. */
  public Optional<String> inputShape(String operation) {
    JsonNode input = operations.path(operation).path("input").path("shape");
    return input.isMissingNode() ? Optional.empty() : Optional.of(input.asText());
  }

  /** The name of the operation's output shape, if it has one. */
  public Optional<String> outputShape(String operation) {
    JsonNode output = operations.path(operation).path("output").path("shape");
    return output.isMissingNode() ? Optional.empty() : Optional.of(output.asText());
  }

  /**
   * The element a query-protocol answer wraps the operation's output in ({@code DescribeLoadBalancersResult}), if
   * the model names one.
   */
  public Optional<String> resultWrapper(String operation) {
    JsonNode wrapper = operations.path(operation).path("output").path("resultWrapper");
    return wrapper.isMissingNode() ? Optional.empty() : Optional.of(wrapper.asText());
  }

  /**
   * The code an error is sent with by a query-protocol service: its shape's {@code error.code} when the model gives
   * one (ELBv2's TargetGroupNotFoundException is sent as {@code TargetGroupNotFound}), else the shape's name (and for
   * errors no model declares, such as ValidationError, the name itself).
   */
  public String wireErrorCode(String errorShape) {
    JsonNode shape = shapes().all().get(errorShape);
    JsonNode code = shape == null ? null : shape.path("error").get("code");
    return code != null ? code.asText() : errorShape;
  }

  /** The shape definition (type, members, required, enum, min, max, pattern, member/key/value). */
  public JsonNode shape(String name) {
    JsonNode shape = shapes().all().get(name);
    if (shape == null) {
      throw new IllegalArgumentException("no shape " + name);
    }
    return shape;
  }
}
