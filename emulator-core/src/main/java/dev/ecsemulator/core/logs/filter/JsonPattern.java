package dev.ecsemulator.core.logs.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.List;

/**
 * A JSON filter pattern, {@code { CONDITION }}: conditions on the values JSON selectors pick from an event that is a
 * JSON document, joined by {@code &&} and {@code ||} (AND binds tighter) and grouped by parentheses. An event that is
 * not JSON matches no JSON pattern. What a condition means (AWS's "Using filter patterns to match terms in JSON log
 * events"):
 *
 * <ul>
 *   <li>{@code =} and {@code !=} compare a string or number the selector picks: a quoted or bare string, whose
 *       leading and trailing {@code *} match any text ({@code *Event}, {@code Event*}; a {@code *} inside is itself);
 *       a number, compared as a number with a number and as text with a string; or {@code %REGEX%}. A selector that
 *       picks nothing, an object, an array or null satisfies neither;
 *   <li>{@code <}, {@code >}, {@code <=}, {@code >=} compare numbers;
 *   <li>{@code IS NULL}, {@code IS TRUE}, {@code IS FALSE}, {@code NOT EXISTS}, {@code EXISTS}.
 * </ul>
 */
final class JsonPattern implements FilterPattern {

  /**
   * Reads numbers with a fraction or exponent as BigDecimal: as doubles, one beyond a double's range ({@code 1e400}, which
   * JSON allows) became infinity, which no comparison could take: FilterLogEvents answered 500.
   */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final Condition condition;

  JsonPattern(Condition condition) {
    this.condition = condition;
  }

  static JsonPattern parse(String text) {
    return new JsonPattern(new JsonPatternParser(text).parse());
  }

  @Override
  public boolean matches(String message) {
    String trimmed = message.strip();
    if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[')) {
      return false;
    }
    JsonNode document;
    try {
      document = JSON.readTree(trimmed);
    } catch (JsonProcessingException e) {
      return false;
    }
    return condition.test(document);
  }

  /** A part of a pattern, true or false of a document. */
  sealed interface Condition permits All, Any, Test {
    boolean test(JsonNode document);
  }

  /** {@code A && B && ...}. */
  record All(List<Condition> parts) implements Condition {
    @Override
    public boolean test(JsonNode document) {
      return parts.stream().allMatch(p -> p.test(document));
    }
  }

  /** {@code A || B || ...}. */
  record Any(List<Condition> parts) implements Condition {
    @Override
    public boolean test(JsonNode document) {
      return parts.stream().anyMatch(p -> p.test(document));
    }
  }

  /** One comparison of the value a selector picks. */
  record Test(Selector selector, Operator operator, Value value) implements Condition {
    @Override
    public boolean test(JsonNode document) {
      JsonNode node = selector.select(document);
      return switch (operator) {
        case NOT_EXISTS -> node == null;
        case EXISTS -> node != null;
        case IS_NULL -> node != null && node.isNull();
        case IS_TRUE -> node != null && node.isBoolean() && node.booleanValue();
        case IS_FALSE -> node != null && node.isBoolean() && !node.booleanValue();
        case EQUALS -> isValue(node) && value.equalTo(node);
        case NOT_EQUALS -> isValue(node) && !value.equalTo(node);
        default -> isValue(node) && numeric(node) != null && operator.holds(numeric(node).compareTo(value.number()));
      };
    }

    private static boolean isValue(JsonNode node) {
      return node != null && (node.isTextual() || node.isNumber() || node.isBoolean());
    }
  }

  /** The number a node holds (a JSON number, or a string that is one), or null. */
  static BigDecimal numeric(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.textValue().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  enum Operator {
    EQUALS, NOT_EQUALS, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL, IS_NULL, IS_TRUE, IS_FALSE, EXISTS, NOT_EXISTS;

    static Operator of(String symbol) {
      return switch (symbol) {
        case "=" -> EQUALS;
        case "!=" -> NOT_EQUALS;
        case "<" -> LESS;
        case ">" -> GREATER;
        case "<=" -> LESS_OR_EQUAL;
        case ">=" -> GREATER_OR_EQUAL;
        default -> throw FilterPattern.invalid("unknown operator " + symbol);
      };
    }

    boolean numericOnly() {
      return this == LESS || this == GREATER || this == LESS_OR_EQUAL || this == GREATER_OR_EQUAL;
    }

    /** Whether a comparison result ({@code node <=> value}) satisfies this ordering operator. */
    boolean holds(int comparison) {
      return switch (this) {
        case LESS -> comparison < 0;
        case GREATER -> comparison > 0;
        case LESS_OR_EQUAL -> comparison <= 0;
        case GREATER_OR_EQUAL -> comparison >= 0;
        default -> throw new IllegalStateException(this + " is not an ordering");
      };
    }
  }
}
