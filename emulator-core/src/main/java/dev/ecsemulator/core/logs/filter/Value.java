package dev.ecsemulator.core.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The right side of a JSON comparison: text (with AWS's leading and trailing {@code *} wildcards), a number, or a
 * regular expression.
 */
record Value(String text, BigDecimal number, RegexPattern regex) {

  static Value text(String text) {
    return new Value(text, null, null);
  }

  static Value number(String literal) {
    return new Value(literal, new BigDecimal(literal.startsWith("+") ? literal.substring(1) : literal), null);
  }

  static Value regex(String expression) {
    return new Value(expression, null, RegexPattern.parse(expression));
  }

  boolean isNumber() {
    return number != null;
  }

  /** Whether a string, number or boolean node equals this value. */
  boolean equalTo(JsonNode node) {
    if (regex != null) {
      return regex.matches(node.asText());
    }
    if (number != null && node.isNumber()) {
      return node.decimalValue().compareTo(number) == 0;
    }
    return wildcardMatch(text, node.asText());
  }

  /** {@code *} first or last matches any text there; a {@code *} anywhere else is itself. */
  static boolean wildcardMatch(String pattern, String candidate) {
    if (pattern.equals("*")) {
      return true;
    }
    boolean anyBefore = pattern.startsWith("*");
    boolean anyAfter = pattern.length() > 1 && pattern.endsWith("*");
    String core = pattern.substring(anyBefore ? 1 : 0, pattern.length() - (anyAfter ? 1 : 0));
    if (anyBefore && anyAfter) {
      return candidate.contains(core);
    }
    if (anyBefore) {
      return candidate.endsWith(core);
    }
    if (anyAfter) {
      return candidate.startsWith(core);
    }
    return candidate.equals(core);
  }
}
