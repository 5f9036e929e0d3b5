package dev.ecsemulator.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.api.protocol.ServiceModel;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Request bodies for an operation of one service, generated from its botocore model's input shape: values mostly
 * within the model's constraints (enums, lengths, ranges), names taken now and then from the {@link NamePool} of names
 * and ARNs that exist (by the kind its {@link ServiceFixture} says a member holds), so that requests reach past
 * validation, and a new recognisable secret value ({@link SecretWatch}) for every member the model marks sensitive; then
 * hostile mutations of a random place in the body (nulls, wrong JSON types, deep nesting, huge or odd strings, extreme
 * numbers, unknown members, long lists) and, now and then, of its bytes (cut short, trailing data, a broken byte, not an
 * object). Deterministic for a given {@link Random}. Not thread-safe.
 */
final class RequestGenerator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
  private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "é\u00e9\u4e2d\ud83d\ude00",
      "../../etc/passwd", "arn:aws:ecs:us-east-1:000000000000:task/", "arn:", "a:b:c", "${x}", "%s%n", "-1", "null",
      "\"quoted\"", "line\nbreak", "x".repeat(300));

  private final ServiceModel model;
  private final Random random;
  private final NamePool names;
  private final ServiceFixture fixture;
  private final SecretWatch secrets;
  private final ObjectMapper json = new ObjectMapper();

  /** @param names names and ARNs that exist (shared: grows as the caller learns of new ones) */
  RequestGenerator(ServiceModel model, Random random, NamePool names, ServiceFixture fixture, SecretWatch secrets) {
    this.model = model;
    this.random = random;
    this.names = names;
    this.fixture = fixture;
    this.secrets = secrets;
  }

  /** A body for {@code operation}: generated from its input shape, or {@code seed} when given; then mutated. */
  byte[] body(String operation, ObjectNode seed) {
    ObjectNode request = seed != null ? seed.deepCopy() : generated(operation);
    // A third of the generated requests unmutated, and half the seeds, to reach what lies past validation
    boolean asIs = seed != null ? random.nextBoolean() : random.nextInt(3) == 0;
    int mutations = asIs ? 0 : 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      mutate(request);
    }
    byte[] bytes = write(request);
    return random.nextInt(20) == 0 ? mangle(bytes) : bytes;
  }

  /** A request of the operation's input shape, mostly valid. */
  ObjectNode generated(String operation) {
    return model.inputShape(operation).map(shape -> (ObjectNode) value(shape, "", 0)).orElseGet(NODES::objectNode);
  }

  /** A value of the shape; {@code member} is the name of the member (or list or map) it is for. */
  private JsonNode value(String shapeName, String member, int depth) {
    JsonNode shape = model.shape(shapeName);
    switch (shape.path("type").asText()) {
      case "structure": {
        ObjectNode node = NODES.objectNode();
        List<String> required = new ArrayList<>();
        shape.path("required").forEach(r -> required.add(r.asText()));
        double optional = depth == 0 ? 0.4 : 0.15;
        Iterator<Map.Entry<String, JsonNode>> members = shape.path("members").fields();
        while (members.hasNext()) {
          Map.Entry<String, JsonNode> field = members.next();
          if (required.contains(field.getKey()) || (depth < 6 && random.nextDouble() < optional)) {
            node.set(field.getKey(), value(field.getValue().path("shape").asText(), field.getKey(), depth + 1));
          }
        }
        return node;
      }
      case "list": {
        ArrayNode node = NODES.arrayNode();
        int size = size(shape, depth);
        for (int i = 0; i < size; i++) {
          node.add(value(shape.path("member").path("shape").asText(), member, depth + 1));
        }
        return node;
      }
      case "map": {
        ObjectNode node = NODES.objectNode();
        int size = size(shape, depth);
        for (int i = 0; i < size; i++) {
          node.set(word(1, 12), value(shape.path("value").path("shape").asText(), member, depth + 1));
        }
        return node;
      }
      case "string":
        return NODES.textNode(string(shape, member));
      case "integer":
      case "long":
        return NODES.numberNode(number(shape));
      case "double":
      case "float":
        return NODES.numberNode(random.nextDouble() * 100);
      case "boolean":
        return NODES.booleanNode(random.nextBoolean());
      case "timestamp":
        return NODES.numberNode(1_700_000_000L + random.nextInt(100_000_000));
      case "blob":
        return NODES.textNode(shape.path("sensitive").asBoolean() ? secrets.blob()
            : java.util.Base64.getEncoder().encodeToString(word(1, 32).getBytes(StandardCharsets.UTF_8)));
      default:
        return NODES.objectNode();
    }
  }

  private int size(JsonNode shape, int depth) {
    int min = shape.path("min").asInt(0);
    int max = Math.min(shape.path("max").asInt(Integer.MAX_VALUE), depth < 3 ? 3 : 1);
    return max <= min ? min : min + random.nextInt(max - min + 1);
  }

  private String string(JsonNode shape, String member) {
    if (shape.path("sensitive").asBoolean()) {
      return secrets.value();
    }
    JsonNode allowed = shape.get("enum");
    if (allowed != null && random.nextInt(10) > 0) {
      return allowed.get(random.nextInt(allowed.size())).asText();
    }
    String kind = fixture.kindOf(member);
    List<String> known = kind != null ? names.of(kind) : names.all();
    // Names of the member's kind three times in four; of any kind, for a member of no known kind, twice in three
    if (!known.isEmpty() && random.nextInt(kind != null ? 4 : 3) > 0) {
      return known.get(random.nextInt(known.size()));
    }
    int min = Math.max(1, shape.path("min").asInt(1));
    int max = Math.min(shape.path("max").asInt(16), Math.max(min, 16));
    return word(min, max);
  }

  private long number(JsonNode shape) {
    long min = shape.path("min").asLong(0);
    long max = shape.path("max").asLong(Math.max(min, 0) + 2048);
    return min + (long) (random.nextDouble() * (max - min + 1));
  }

  private String word(int min, int max) {
    int length = min + random.nextInt(Math.max(1, max - min + 1));
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  // ---- mutations ----

  /** Replaces, adds or empties one value somewhere in {@code root}. */
  private void mutate(ObjectNode root) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.isEmpty() || random.nextInt(6) == 0 ? word(1, 20) : names.get(random.nextInt(names.size()));
      object.set(name, hostile(object.get(name)));
    } else if (target instanceof ArrayNode array) {
      if (array.isEmpty() || random.nextInt(4) == 0) {
        array.add(hostile(null));
      } else {
        int i = random.nextInt(array.size());
        array.set(i, hostile(array.get(i)));
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }

  /** Something a careless or hostile client sends instead of {@code current} (which may be null). */
  private JsonNode hostile(JsonNode current) {
    switch (random.nextInt(13)) {
      case 0:
      case 1:
        return NODES.nullNode();
      case 2:
        return NODES.textNode(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
      case 3:
        return NODES.textNode("x".repeat(random.nextInt(10) == 0 ? 1_100_000 : 1_000 + random.nextInt(300_000)));
      case 4: {
        List<JsonNode> numbers = List.of(NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(Integer.MAX_VALUE),
            NODES.numberNode(Integer.MAX_VALUE + 1L), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(new BigInteger("123456789012345678901234567890")), NODES.numberNode(1.5e308),
            NODES.numberNode(-0.5));
        return numbers.get(random.nextInt(numbers.size()));
      }
      case 5:
        return NODES.booleanNode(random.nextBoolean());
      case 6:
        return NODES.objectNode();
      case 7:
        return NODES.arrayNode();
      case 8:
        // Jackson writes at most 1000 levels; deeper bodies are made as bytes (mangle)
        return nested(1 + random.nextInt(random.nextInt(10) == 0 ? 900 : 60));
      case 9: {
        ArrayNode many = NODES.arrayNode();
        int n = random.nextInt(5) == 0 ? 5000 : 120;
        for (int i = 0; i < n; i++) {
          boolean small = current != null && current.isValueNode() && current.asText().length() <= 100;
          many.add(small ? current : NODES.textNode(word(1, 8)));
        }
        return many;
      }
      case 10: {
        ArrayNode wrapped = NODES.arrayNode();
        wrapped.add(current == null ? NODES.nullNode() : current);
        wrapped.addNull();
        return wrapped;
      }
      case 11: {
        ObjectNode map = NODES.objectNode();
        map.set(word(1, 6), current == null ? NODES.nullNode() : current);
        map.putNull(word(1, 6));
        return map;
      }
      default: {
        List<String> all = names.all();
        return NODES.textNode(all.isEmpty() ? word(1, 40) : all.get(random.nextInt(all.size())));
      }
    }
  }

  private JsonNode nested(int depth) {
    JsonNode node = NODES.textNode("deep");
    for (int i = 0; i < depth; i++) {
      if (random.nextBoolean()) {
        node = NODES.arrayNode().add(node);
      } else {
        ObjectNode object = NODES.objectNode();
        object.set("d", node);
        node = object;
      }
    }
    return node;
  }

  /**
   * The body's bytes broken: cut short, more after the object, a byte replaced (perhaps invalid UTF-8), empty, not an
   * object, or nested deeper than any parser allows.
   */
  private byte[] mangle(byte[] bytes) {
    switch (random.nextInt(7)) {
      case 0:
        return Arrays.copyOf(bytes, random.nextInt(bytes.length));
      case 1:
        return (new String(bytes, StandardCharsets.UTF_8) + (random.nextBoolean() ? "}" : "{\"b\":2}"))
            .getBytes(StandardCharsets.UTF_8);
      case 2: {
        byte[] broken = bytes.clone();
        broken[random.nextInt(broken.length)] = (byte) (random.nextBoolean() ? 0xff : random.nextInt(128));
        return broken;
      }
      case 3:
        return new byte[0];
      case 4:
        return "[{}]".getBytes(StandardCharsets.UTF_8);
      case 5: {
        int depth = 1000 + random.nextInt(100_000);
        return ("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
      }
      default:
        return "\"just a string\"".getBytes(StandardCharsets.UTF_8);
    }
  }

  private byte[] write(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
