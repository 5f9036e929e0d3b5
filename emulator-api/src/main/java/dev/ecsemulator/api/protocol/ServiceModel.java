package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The botocore model of the ECS API (resource {@code aws/ecs-2014-11-13.service.json.gz}): the authority
 * on operation names and request shapes. Immutable after loading; thread-safe.
 */
public final class ServiceModel {

  public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";
  private static final String RESOURCE = "/aws/ecs-2014-11-13.service.json.gz";

  private final JsonNode operations;
  private final JsonNode shapes;
  private final String targetPrefix;

  private ServiceModel(JsonNode model) {
    this.operations = model.path("operations");
    this.shapes = model.path("shapes");
    this.targetPrefix = model.path("metadata").path("targetPrefix").asText();
  }

  public static ServiceModel load() {
    try (InputStream raw = ServiceModel.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new ServiceModel(new ObjectMapper().readTree(new GZIPInputStream(raw)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public String targetPrefix() {
    return targetPrefix;
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

  /** The shape definition (type, members, required, enum, min, max, pattern, member/key/value). */
  public JsonNode shape(String name) {
    JsonNode shape = shapes.get(name);
    if (shape == null) {
      throw new IllegalArgumentException("no shape " + name);
    }
    return shape;
  }
}
