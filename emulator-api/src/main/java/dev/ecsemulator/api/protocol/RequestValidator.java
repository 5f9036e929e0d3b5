package dev.ecsemulator.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.core.error.AwsException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.SerializationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a request body against the operation's input shape in the service model, before any handler
 * sees it, the way AWS's front end does. Driven by the model alone, so it checks any AWS JSON service's model:
 *
 * <ul>
 *   <li>a member of the wrong JSON type is a {@code SerializationException}, worded as AWS's JSON
 *       deserializer words it ("Start of structure or map found where not expected.",
 *       "STRING_VALUE can not be converted to an Integer", ...; the wording is seen in public AWS
 *       error reports for JSON 1.1 services);
 *   <li>missing required members, a {@code null} element of a list or value of a map (a model's {@code sparse}
 *       is not honoured: no shape of the services emulated has it), values outside an enum, and length, range or
 *       pattern violations are the service's validation error ({@link ServiceErrors#invalid()}; ECS:
 *       {@code InvalidParameterException}) in the AWS validation wording ({@link ConstraintWords}: "1 validation
 *       error detected: Value null at 'cluster' failed to satisfy constraint: Member must not be null"), members
 *       named as the service names them ({@link ServiceErrors#memberNames()}). ECS's exact error code for these is
 *       unverified (see docs/differences-from-aws.md).
 * </ul>
 *
 * A member that is {@code null} counts as absent, as in AWS's deserializer. Members the model does not know are
 * ignored, so newer clients keep working. At most {@value #MAX_REPORTED} violations are reported (as DynamoDB's
 * reimplementations report them; unverified for ECS). Thread-safe.
 */
public final class RequestValidator {

  static final int MAX_REPORTED = 10;

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
    checkStructure(model.shape(input), body, "", violations);
    if (!violations.isEmpty()) {
      List<String> reported = violations.subList(0, Math.min(MAX_REPORTED, violations.size()));
      String count = reported.size() == 1 ? "1 validation error" : reported.size() + " validation errors";
      throw invalid.apply(count + " detected: " + String.join("; ", reported));
    }
  }

  /** Checks a non-null value against its shape. */
  private void check(JsonNode shape, JsonNode value, String path, List<String> violations) {
    switch (shape.path("type").asText()) {
      case "structure" -> checkStructure(shape, value, path, violations);
      case "list" -> checkList(shape, value, path, violations);
      case "map" -> checkMap(shape, value, path, violations);
      default -> {
        if (!satisfies(shape, value)) {
          violations.addAll(scalarViolations(shape, value, path));
        }
      }
    }
  }

  private void checkStructure(JsonNode shape, JsonNode value, String path, List<String> violations) {
    if (!value.isObject()) {
      throw wrongType(value, "structure");
    }
    if (shape.path("document").asBoolean(false)) {
      return; // any JSON
    }
    JsonNode members = shape.path("members");
    for (JsonNode required : shape.path("required")) {
      String name = required.asText();
      JsonNode given = value.get(name);
      if (given == null || given.isNull()) {
        violations.add(ConstraintWords.missing(join(path, name)));
      }
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode member = members.get(field.getKey());
      if (member == null || field.getValue().isNull()) {
        continue;
      }
      check(model.shape(member.path("shape").asText()), field.getValue(), join(path, field.getKey()), violations);
    }
  }

  /**
   * A list: its length; then its elements. Scalar elements are checked together, as one constraint of the list
   * naming all the element shape's constraints; structures, lists and maps one by one at {@code path.N.member}.
   * A null element fails the list's "Member must not be null".
   */
  private void checkList(JsonNode shape, JsonNode value, String path, List<String> violations) {
    if (!value.isArray()) {
      throw wrongType(value, "list");
    }
    checkSize(shape, value, path, violations);
    JsonNode member = model.shape(shape.path("member").path("shape").asText());
    boolean scalar = isScalar(member);
    boolean failed = false;
    int index = 0;
    for (JsonNode element : value) {
      index++;
      if (element.isNull()) {
        failed = true;
      } else if (scalar) {
        failed |= !satisfies(member, element);
      } else {
        check(member, element, path + "." + index + ".member", violations);
      }
    }
    if (failed) {
      String what = scalar ? ConstraintWords.allOf(member) : "[" + ConstraintWords.NOT_NULL + "]";
      violations.add(ConstraintWords.violation(shape, value, path, "Member must satisfy constraint: " + what));
    }
  }

  /** A map: its size, its keys (together), then its values (together when scalar, else one by one at path.KEY). */
  private void checkMap(JsonNode shape, JsonNode value, String path, List<String> violations) {
    if (!value.isObject()) {
      throw wrongType(value, "map");
    }
    checkSize(shape, value, path, violations);
    JsonNode keyShape = model.shape(shape.path("key").path("shape").asText());
    JsonNode valueShape = model.shape(shape.path("value").path("shape").asText());
    boolean scalar = isScalar(valueShape);
    boolean badKey = false;
    boolean badValue = false;
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      badKey |= !textSatisfies(keyShape, field.getKey());
      JsonNode entry = field.getValue();
      if (entry.isNull()) {
        badValue = true;
      } else if (scalar) {
        badValue |= !satisfies(valueShape, entry);
      } else {
        check(valueShape, entry, path + "." + field.getKey(), violations);
      }
    }
    if (badKey) {
      violations.add(ConstraintWords.violation(shape, value, path,
          "Map keys must satisfy constraint: " + ConstraintWords.allOf(keyShape)));
    }
    if (badValue) {
      String what = scalar ? ConstraintWords.allOf(valueShape) : "[" + ConstraintWords.NOT_NULL + "]";
      violations.add(ConstraintWords.violation(shape, value, path, "Map value must satisfy constraint: " + what));
    }
  }

  private static boolean isScalar(JsonNode shape) {
    String type = shape.path("type").asText();
    return !type.equals("structure") && !type.equals("list") && !type.equals("map");
  }

  /** Whether a non-null scalar meets its shape; throws for a JSON value of the wrong type. */
  private boolean satisfies(JsonNode shape, JsonNode value) {
    requireType(shape, value);
    return scalarViolations(shape, value, "").isEmpty();
  }

  private boolean textSatisfies(JsonNode shape, String text) {
    return scalarViolations(shape, com.fasterxml.jackson.databind.node.TextNode.valueOf(text), "").isEmpty();
  }

  /** The constraint violations of a scalar of the right type, one per constraint. */
  private List<String> scalarViolations(JsonNode shape, JsonNode value, String path) {
    requireType(shape, value);
    List<String> found = new ArrayList<>();
    String type = shape.path("type").asText();
    if (type.equals("string")) {
      String text = value.asText();
      JsonNode allowed = shape.get("enum");
      if (allowed != null && !contains(allowed, text)) {
        found.add(ConstraintWords.violation(shape, value, path, ConstraintWords.enumSet(allowed)));
      }
      int length = text.codePointCount(0, text.length());
      if (shape.has("min") && length < shape.get("min").asLong()) {
        found.add(ConstraintWords.violation(shape, value, path, ConstraintWords.minLength(shape.get("min").asLong())));
      }
      if (shape.has("max") && length > shape.get("max").asLong()) {
        found.add(ConstraintWords.violation(shape, value, path, ConstraintWords.maxLength(shape.get("max").asLong())));
      }
      JsonNode pattern = shape.get("pattern");
      if (pattern != null && !patterns.computeIfAbsent(pattern.asText(), Pattern::compile).matcher(text).matches()) {
        found.add(ConstraintWords.violation(shape, value, path, ConstraintWords.pattern(pattern.asText())));
      }
    } else if (type.equals("blob")) {
      int length = base64Length(value.asText());
      if (shape.has("min") && length < shape.get("min").asLong()) {
        found.add(ConstraintWords.violation(shape, value, path, ConstraintWords.minLength(shape.get("min").asLong())));
      }
      if (shape.has("max") && length > shape.get("max").asLong()) {
        found.add(ConstraintWords.violation(shape, value, path, ConstraintWords.maxLength(shape.get("max").asLong())));
      }
    } else if (value.isNumber()) {
      if (shape.has("min") && value.decimalValue().compareTo(shape.get("min").decimalValue()) < 0) {
        found.add(ConstraintWords.violation(shape, value, path, ConstraintWords.minValue(shape.get("min").asText())));
      }
      if (shape.has("max") && value.decimalValue().compareTo(shape.get("max").decimalValue()) > 0) {
        found.add(ConstraintWords.violation(shape, value, path, ConstraintWords.maxValue(shape.get("max").asText())));
      }
    }
    return found;
  }

  private static boolean contains(JsonNode allowed, String text) {
    for (JsonNode v : allowed) {
      if (v.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }

  /** A list's or map's number of entries against the shape's min and max. */
  private static void checkSize(JsonNode shape, JsonNode value, String path, List<String> violations) {
    if (shape.has("min") && value.size() < shape.get("min").asLong()) {
      violations.add(ConstraintWords.violation(shape, value, path, ConstraintWords.minLength(shape.get("min").asLong())));
    }
    if (shape.has("max") && value.size() > shape.get("max").asLong()) {
      violations.add(ConstraintWords.violation(shape, value, path, ConstraintWords.maxLength(shape.get("max").asLong())));
    }
  }

  /** Throws AWS's deserializer error when a scalar has the wrong JSON type. */
  private static void requireType(JsonNode shape, JsonNode value) {
    String type = shape.path("type").asText();
    boolean ok = switch (type) {
      case "string", "blob" -> value.isTextual();
      case "integer" -> value.isIntegralNumber() && value.canConvertToInt();
      case "long" -> value.isIntegralNumber() && value.canConvertToLong();
      case "double", "float", "timestamp" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
    if (!ok) {
      throw wrongType(value, switch (type) {
        case "string" -> "String";
        case "blob" -> "Blob";
        case "integer" -> "Integer";
        case "long" -> "Long";
        case "double" -> "Double";
        case "float" -> "Float";
        case "timestamp" -> "Date";
        default -> "Boolean";
      });
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
