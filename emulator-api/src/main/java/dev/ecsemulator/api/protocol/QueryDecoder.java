package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.error.AwsException;
import dev.ecsemulator.core.json.EcsJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the flat parameters of a query-protocol request into the JSON tree an AWS JSON request of the same operation
 * would carry, driven by the operation's input shape, so that the {@link RequestValidator}, the binding and the
 * handlers serve both protocols unchanged. The names follow the query serializers of the AWS SDKs (botocore's
 * {@code QuerySerializer}):
 *
 * <ul>
 *   <li>a structure member is {@code Prefix.Name}, {@code Name} being the member's {@code locationName} if the model
 *       gives one;
 *   <li>a list is {@code Prefix.member.N} (N from 1; {@code member} is the list member's {@code locationName} if
 *       given), or, {@code flattened}, {@code Prefix.N} (the last part of the prefix replaced by the member's
 *       {@code locationName} if given); {@code Prefix=} alone is the empty list;
 *   <li>a map is {@code Prefix.entry.N.key} and {@code Prefix.entry.N.value} ({@code key} and {@code value} renamed by
 *       their {@code locationName}s; {@code flattened}: without {@code .entry});
 *   <li>booleans are {@code true}/{@code false}; timestamps ISO 8601 ({@code 2025-01-01T00:00:00.000Z}, an offset
 *       allowed) or epoch seconds, put in the tree as epoch seconds as AWS JSON carries them; numbers in decimal.
 * </ul>
 *
 * Parameters the shape does not know are ignored, as unknown JSON members are. A value that is not of its member's
 * type is the service's validation error ({@link ServiceErrors#invalid()}). Thread-safe.
 */
final class QueryDecoder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ServiceModel model;
  private final ServiceErrors errors;

  QueryDecoder(ServiceModel model, ServiceErrors errors) {
    this.model = model;
    this.errors = errors;
  }

  /** The operation's request as a JSON object ({@code {}} for an operation without input). */
  ObjectNode decode(String operation, QueryForm form) {
    return model.inputShape(operation)
        .map(input -> structure(model.shape(input), form, "", ""))
        .orElseGet(NODES::objectNode);
  }

  private ObjectNode structure(JsonNode shape, QueryForm form, String prefix, String path) {
    ObjectNode node = NODES.objectNode();
    Iterator<Map.Entry<String, JsonNode>> members = shape.path("members").fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      JsonNode ref = member.getValue();
      String name = ref.path("locationName").asText(member.getKey());
      JsonNode value = value(ref, form, join(prefix, name), join(path, errors.memberNames().of(member.getKey())));
      if (value != null) {
        node.set(member.getKey(), value);
      }
    }
    return node;
  }

  /** The value at {@code key} of the shape {@code ref} names, or null when absent. */
  private JsonNode value(JsonNode ref, QueryForm form, String key, String path) {
    JsonNode shape = model.shape(ref.path("shape").asText());
    return switch (shape.path("type").asText()) {
      case "structure" -> form.present(key) ? structure(shape, form, key, path) : null;
      case "list" -> list(shape, form, key, path);
      case "map" -> map(shape, form, key, path);
      default -> form.has(key) ? scalar(shape, form.get(key), path) : null;
    };
  }

  private JsonNode list(JsonNode shape, QueryForm form, String key, String path) {
    JsonNode member = shape.path("member");
    String elements;
    if (shape.path("flattened").asBoolean(false)) {
      elements = member.has("locationName") ? replaceLast(key, member.get("locationName").asText()) : key;
    } else {
      elements = key + "." + member.path("locationName").asText("member");
    }
    TreeSet<Integer> indexes = indexes(form, elements);
    if (indexes.isEmpty()) {
      // "Name=" with nothing beneath it is how the SDKs send an empty list.
      return form.has(key) && form.get(key).isEmpty() && !shape.path("flattened").asBoolean(false)
          ? NODES.arrayNode() : null;
    }
    ArrayNode list = NODES.arrayNode();
    for (int index : indexes) {
      JsonNode element = value(member, form, elements + "." + index, path + "." + index + ".member");
      list.add(element == null ? NODES.nullNode() : element);
    }
    return list;
  }

  private JsonNode map(JsonNode shape, QueryForm form, String key, String path) {
    String entries = shape.path("flattened").asBoolean(false) ? key : key + ".entry";
    String keyName = shape.path("key").path("locationName").asText("key");
    String valueName = shape.path("value").path("locationName").asText("value");
    TreeSet<Integer> indexes = indexes(form, entries);
    if (indexes.isEmpty()) {
      return null;
    }
    ObjectNode map = NODES.objectNode();
    for (int index : indexes) {
      String entry = entries + "." + index;
      String mapKey = form.get(entry + "." + keyName);
      if (mapKey != null) {
        JsonNode value = value(shape.path("value"), form, entry + "." + valueName, path + "." + mapKey);
        map.set(mapKey, value == null ? NODES.nullNode() : value);
      }
    }
    return map;
  }

  /** The indexes N of the parameters named {@code prefix.N} or {@code prefix.N.*}, ascending. */
  private static TreeSet<Integer> indexes(QueryForm form, String prefix) {
    TreeSet<Integer> indexes = new TreeSet<>();
    int start = prefix.length() + 1;
    for (String name : form.under(prefix).keySet()) {
      int end = name.indexOf('.', start);
      String digits = end < 0 ? name.substring(start) : name.substring(start, end);
      if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(digits);
        if (index > 0) {
          indexes.add(index);
        }
      }
    }
    return indexes;
  }

  private JsonNode scalar(JsonNode shape, String text, String path) {
    String type = shape.path("type").asText();
    try {
      return switch (type) {
        case "boolean" -> {
          if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            yield NODES.booleanNode(Boolean.parseBoolean(text));
          }
          throw notA(text, path, "a boolean (true or false)");
        }
        case "integer" -> NODES.numberNode(Integer.parseInt(text.trim()));
        case "long" -> NODES.numberNode(Long.parseLong(text.trim()));
        case "double", "float" -> NODES.numberNode(new BigDecimal(text.trim()));
        case "timestamp" -> NODES.numberNode(EcsJson.epochSeconds(timestamp(text.trim())));
        default -> NODES.textNode(text);
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw notA(text, path, switch (type) {
        case "integer", "long" -> "an integer";
        case "timestamp" -> "a timestamp (ISO 8601, e.g. 2025-01-01T00:00:00Z)";
        default -> "a number";
      });
    }
  }

  /** ISO 8601 with a zone or offset, or epoch seconds. */
  private static Instant timestamp(String text) {
    if (!text.isEmpty() && (Character.isDigit(text.charAt(text.length() - 1)) && !text.contains("T"))) {
      BigDecimal seconds = new BigDecimal(text);
      return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
    return OffsetDateTime.parse(text).toInstant();
  }

  /** The service's validation error for a value of the wrong type. Wording ours: AWS's was not found. */
  private AwsException notA(String text, String path, String what) {
    return errors.invalid().apply("1 validation error detected: Value '" + text + "' at '" + path
        + "' failed to satisfy constraint: Member must be " + what);
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  private static String replaceLast(String key, String name) {
    int dot = key.lastIndexOf('.');
    return dot < 0 ? name : key.substring(0, dot + 1) + name;
  }
}
