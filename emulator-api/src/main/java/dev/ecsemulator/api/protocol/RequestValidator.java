package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.core.error.AwsException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.SerializationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request body against the operation's input shape in the service model, before any handler
 * sees it, the way AWS's front end does:
 *
 * <ul>
 *   <li>a member of the wrong JSON type is a {@code SerializationException}, worded as AWS's JSON
 *       deserializer words it ("Start of structure or map found where not expected.",
 *       "STRING_VALUE can not be converted to an Integer", ...; the wording is seen in public AWS
 *       error reports for JSON 1.1 services);
 *   <li>missing required members, values outside an enum, and length, range or pattern violations are the
 *       service's validation error ({@link ServiceErrors#invalid()}; ECS: {@code InvalidParameterException}) in the
 *       AWS validation wording ("1 validation error detected: Value null at 'cluster' failed to satisfy constraint:
 *       Member must not be null"), members named as the service names them ({@link ServiceErrors#memberNames()}).
 *       ECS's exact error code for these is unverified (see README).
 * </ul>
 *
 * Members the model does not know are ignored, so newer clients keep working. Thread-safe.
 */
public final class RequestValidator {

  private final ServiceModel model;
  private final Function<String, ? extends AwsException> invalid;
  private final ServiceErrors.MemberNames memberNames;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  /** A validator worded as ECS words it. */
  public RequestValidator(ServiceModel model) {
    this(model, InvalidParameterException::new, ServiceErrors.MemberNames.AS_SENT);
  }

  /** A validator worded as {@code errors} say. */
  public RequestValidator(ServiceModel model, ServiceErrors errors) {
    this(model, errors.invalid(), errors.memberNames());
  }

  private RequestValidator(ServiceModel model, Function<String, ? extends AwsException> invalid,
      ServiceErrors.MemberNames memberNames) {
    this.model = model;
    this.invalid = invalid;
    this.memberNames = memberNames;
  }

  /** @throws SerializationException for type errors; the service's validation error for constraint errors */
  public void validate(String operation, JsonNode body) {
    String input = model.inputShape(operation).orElse(null);
    if (input == null) {
      return;
    }
    List<String> violations = new ArrayList<>();
    checkStructure(input, body, "", violations);
    if (!violations.isEmpty()) {
      String count = violations.size() == 1 ? "1 validation error" : violations.size() + " validation errors";
      throw invalid.apply(count + " detected: " + String.join("; ", violations));
    }
  }

  private void check(String shapeName, JsonNode value, String path, List<String> violations) {
    JsonNode shape = model.shape(shapeName);
    String type = shape.path("type").asText();
    switch (type) {
      case "structure" -> checkStructure(shapeName, value, path, violations);
      case "list" -> {
        if (!value.isArray()) {
          throw wrongType(value, "list");
        }
        checkLength(shape, value.size(), path, violations);
        String member = shape.path("member").path("shape").asText();
        int i = 0;
        for (JsonNode element : value) {
          if (!element.isNull()) {
            check(member, element, path + "." + (++i), violations);
          }
        }
      }
      case "map" -> {
        if (!value.isObject()) {
          throw wrongType(value, "map");
        }
        checkLength(shape, value.size(), path, violations);
        String keyShape = shape.path("key").path("shape").asText();
        String valueShape = shape.path("value").path("shape").asText();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          checkScalarConstraints(model.shape(keyShape), field.getKey(), path, violations);
          if (!field.getValue().isNull()) {
            check(valueShape, field.getValue(), path + "." + field.getKey(), violations);
          }
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          throw wrongType(value, "String");
        }
        checkScalarConstraints(shape, value.asText(), path, violations);
      }
      case "integer", "long" -> {
        if (!value.isIntegralNumber() || (type.equals("integer") && !value.canConvertToInt())) {
          throw wrongType(value, type.equals("integer") ? "Integer" : "Long");
        }
        checkRange(shape, value.asLong(), path, violations);
      }
      case "double" -> {
        if (!value.isNumber()) {
          throw wrongType(value, "Double");
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          throw wrongType(value, "Boolean");
        }
      }
      case "timestamp" -> {
        if (!value.isNumber()) {
          throw wrongType(value, "Date");
        }
      }
      case "blob" -> {
        if (!value.isTextual()) {
          throw wrongType(value, "Blob");
        }
        checkLength(shape, base64Length(value.asText()), path, violations);
      }
      default -> { }
    }
  }

  private void checkStructure(String shapeName, JsonNode value, String path, List<String> violations) {
    if (!value.isObject()) {
      throw wrongType(value, "structure");
    }
    JsonNode shape = model.shape(shapeName);
    JsonNode members = shape.path("members");
    for (JsonNode required : shape.path("required")) {
      String name = required.asText();
      JsonNode given = value.get(name);
      if (given == null || given.isNull()) {
        violations.add("Value null at '" + join(path, name) + "' failed to satisfy constraint: Member must not be null");
      }
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode member = members.get(field.getKey());
      if (member == null || field.getValue().isNull()) {
        continue;
      }
      check(member.path("shape").asText(), field.getValue(), join(path, field.getKey()), violations);
    }
  }

  private void checkScalarConstraints(JsonNode shape, String text, String path, List<String> violations) {
    JsonNode allowed = shape.get("enum");
    if (allowed != null) {
      boolean ok = false;
      List<String> values = new ArrayList<>();
      for (JsonNode v : allowed) {
        values.add(v.asText());
        ok |= v.asText().equals(text);
      }
      if (!ok) {
        violations.add("Value '" + text + "' at '" + path
            + "' failed to satisfy constraint: Member must satisfy enum value set: " + values);
      }
    }
    checkLength(shape, text.codePointCount(0, text.length()), path, violations);
    JsonNode pattern = shape.get("pattern");
    if (pattern != null) {
      Pattern compiled = patterns.computeIfAbsent(pattern.asText(), Pattern::compile);
      if (!compiled.matcher(text).matches()) {
        violations.add("Value '" + text + "' at '" + path
            + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern.asText());
      }
    }
  }

  private static void checkLength(JsonNode shape, int length, String path, List<String> violations) {
    if (shape.has("min") && length < shape.get("min").asLong()) {
      violations.add("Value at '" + path + "' failed to satisfy constraint: Member must have length greater than or equal to " + shape.get("min").asLong());
    }
    if (shape.has("max") && length > shape.get("max").asLong()) {
      violations.add("Value at '" + path + "' failed to satisfy constraint: Member must have length less than or equal to " + shape.get("max").asLong());
    }
  }

  private static void checkRange(JsonNode shape, long number, String path, List<String> violations) {
    if (shape.has("min") && number < shape.get("min").asLong()) {
      violations.add("Value '" + number + "' at '" + path + "' failed to satisfy constraint: Member must have value greater than or equal to " + shape.get("min").asLong());
    }
    if (shape.has("max") && number > shape.get("max").asLong()) {
      violations.add("Value '" + number + "' at '" + path + "' failed to satisfy constraint: Member must have value less than or equal to " + shape.get("max").asLong());
    }
  }

  private String join(String path, String member) {
    String name = memberNames.of(member);
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The length in bytes of a base64 blob, as its model's min and max count it. */
  private static int base64Length(String base64) {
    try {
      return java.util.Base64.getDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      throw new SerializationException("Base64 encoded blob is not valid.");  // wording unverified
    }
  }

  /** AWS's deserializer wording for a JSON value of the wrong kind. */
  private static SerializationException wrongType(JsonNode value, String expected) {
    if (value.isObject()) {
      return new SerializationException("Start of structure or map found where not expected.");
    }
    if (value.isArray()) {
      return new SerializationException("Start of list found where not expected.");
    }
    String token = value.isTextual() ? "STRING_VALUE"
        : value.isBoolean() ? "BOOLEAN_VALUE"
        : value.isNumber() ? "NUMBER_VALUE" : "VALUE";
    String article = expected.matches("(?i)[aeiou].*") ? "an " : "a ";
    if (expected.equals("structure") || expected.equals("map") || expected.equals("list")) {
      return new SerializationException("Unexpected value type in payload: " + token + " where a " + expected + " was expected.");
    }
    return new SerializationException(token + " can not be converted to " + article + expected);
  }
}
