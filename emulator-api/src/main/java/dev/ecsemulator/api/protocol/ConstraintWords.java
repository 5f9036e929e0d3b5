package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The wording of AWS's request validation (the Coral validator behind the AWS JSON services), as seen in public
 * captures of real answers:
 *
 * <ul>
 *   <li>{@code Value 'abc' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than
 *       or equal to 128} (an element of a list is {@code N.member}, counted from 1; EBS, IAM, EventBridge);
 *   <li>{@code Value '[GET, POST, OPTIONS]' at 'cors.allowMethods' failed to satisfy constraint: Member must
 *       satisfy constraint: [Member must have length less than or equal to 6, ..., Member must not be null]}: the
 *       elements of a list of scalars are checked as one constraint of the list, naming every constraint of the
 *       element shape (Lambda);
 *   <li>{@code Value '{k=v}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [...]},
 *       and {@code Map keys must satisfy constraint: [...]} (Lambda, Cognito, DynamoDB);
 *   <li>{@code Value at 'password' failed to satisfy constraint: ...}: the value of a sensitive member is not
 *       repeated (Cognito).
 * </ul>
 *
 * Values are written as the Java collections of those services print them ({@code [a, null]}, {@code {k=v}}).
 * ECS's own captures of these forms were not found: <b>unverified</b> for ECS, which words them as the validator
 * does for every other JSON service as far as known. Pure and stateless.
 */
final class ConstraintWords {

  static final String NOT_NULL = "Member must not be null";

  private ConstraintWords() {}

  /** {@code Value 'v' at 'path' failed to satisfy constraint: what}; without the value when the shape is sensitive. */
  static String violation(JsonNode shape, JsonNode value, String path, String what) {
    String shown = shape.path("sensitive").asBoolean(false) ? "" : " '" + render(value) + "'";
    return "Value" + shown + " at '" + path + "' failed to satisfy constraint: " + what;
  }

  /** A required member that is absent or null. */
  static String missing(String path) {
    return "Value null at '" + path + "' failed to satisfy constraint: " + NOT_NULL;
  }

  /** Every constraint of a scalar shape, in the validator's order, then that it must not be null. */
  static String allOf(JsonNode shape) {
    List<String> words = new ArrayList<>();
    boolean text = "string".equals(shape.path("type").asText());
    if (shape.has("max")) {
      words.add(text ? maxLength(shape.get("max").asLong()) : maxValue(shape.get("max").asText()));
    }
    if (shape.has("min")) {
      words.add(text ? minLength(shape.get("min").asLong()) : minValue(shape.get("min").asText()));
    }
    if (shape.has("pattern")) {
      words.add(pattern(shape.get("pattern").asText()));
    }
    if (shape.has("enum")) {
      words.add(enumSet(shape.get("enum")));
    }
    words.add(NOT_NULL);
    return "[" + String.join(", ", words) + "]";
  }

  static String maxLength(long max) {
    return "Member must have length less than or equal to " + max;
  }

  static String minLength(long min) {
    return "Member must have length greater than or equal to " + min;
  }

  static String maxValue(String max) {
    return "Member must have value less than or equal to " + max;
  }

  static String minValue(String min) {
    return "Member must have value greater than or equal to " + min;
  }

  static String pattern(String pattern) {
    return "Member must satisfy regular expression pattern: " + pattern;
  }

  static String enumSet(JsonNode allowed) {
    List<String> values = new ArrayList<>();
    allowed.forEach(v -> values.add(v.asText()));
    return "Member must satisfy enum value set: " + values;
  }

  /** A JSON value as a Java collection prints it: text as is, {@code [a, null]}, {@code {k=v}}. */
  static String render(JsonNode value) {
    StringBuilder out = new StringBuilder();
    render(value, out);
    return out.toString();
  }

  private static void render(JsonNode value, StringBuilder out) {
    if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        render(value.get(i), out);
      }
      out.append(']');
    } else if (value.isObject()) {
      out.append('{');
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append(field.getKey()).append('=');
        render(field.getValue(), out);
        if (fields.hasNext()) {
          out.append(", ");
        }
      }
      out.append('}');
    } else {
      out.append(value.isNull() ? "null" : value.asText());
    }
  }
}
