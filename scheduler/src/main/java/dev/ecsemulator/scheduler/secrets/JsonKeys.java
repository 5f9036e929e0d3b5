package dev.ecsemulator.scheduler.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One key of a secret value that is a JSON object, as the ECS agent reads it ({@code asm.GetSecretFromASMWithInput}):
 * the value is unmarshalled into a Go {@code map[string]interface{}} and the key's value printed with {@code %v}. So
 * a string is itself, a number is Go's shortest {@code %g} ({@code 5432}, {@code 3.5}, but {@code 1e+06} for a
 * million: JSON numbers are float64 in Go), {@code true}/{@code false}, {@code <nil>} for null, an object
 * {@code map[k:v ...]} with its keys sorted, an array {@code [a b]}. Pure.
 */
final class JsonKeys {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonKeys() {}

  /**
   * The value of {@code key} in {@code json}, printed as Go prints it; empty if the object has no such key (JSON
   * {@code null} as a whole reads as an object without keys, as in Go).
   *
   * @throws IllegalArgumentException if {@code json} is not a JSON object (nor null); the message quotes nothing
   */
  static Optional<String> value(String json, String key) {
    JsonNode root;
    try {
      root = JSON.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON"); // Jackson's message would quote the value
    }
    if (root == null || root.isMissingNode() || !(root.isObject() || root.isNull())) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode field = root.get(key);
    return field == null ? Optional.empty() : Optional.of(print(field));
  }

  /** Go's {@code %v} of what {@code json.Unmarshal} makes of {@code node}. */
  static String print(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return goFloat(node.doubleValue());
    }
    if (node.isBoolean()) {
      return String.valueOf(node.booleanValue());
    }
    if (node.isArray()) {
      StringJoiner items = new StringJoiner(" ", "[", "]");
      node.forEach(item -> items.add(print(item)));
      return items.toString();
    }
    if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        keys.add(it.next().getKey());
      }
      keys.sort(null); // fmt prints map keys sorted
      StringJoiner entries = new StringJoiner(" ", "map[", "]");
      keys.forEach(k -> entries.add(k + ":" + print(node.get(k))));
      return entries.toString();
    }
    return "<nil>";
  }

  /**
   * Go's {@code %v} of a float64: the shortest digits that read back as the same number, in {@code %e} form when the
   * decimal exponent is below -4 or at least 6 (strconv's rule for the shortest {@code %g}), else in {@code %f} form.
   */
  static String goFloat(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
    }
    String sign = value < 0 || (value == 0 && 1 / value < 0) ? "-" : "";
    BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = decimal.unscaledValue().toString();
    int pointAt = digits.length() - decimal.scale(); // digits[0:pointAt] is the integer part
    int exponent = pointAt - 1;
    if (exponent < -4 || exponent >= 6) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int magnitude = Math.abs(exponent);
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
    }
    if (pointAt <= 0) {
      return sign + "0." + "0".repeat(-pointAt) + digits;
    }
    if (pointAt >= digits.length()) {
      return sign + digits + "0".repeat(pointAt - digits.length());
    }
    return sign + digits.substring(0, pointAt) + "." + digits.substring(pointAt);
  }
}
