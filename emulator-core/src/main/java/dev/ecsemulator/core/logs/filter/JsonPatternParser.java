package dev.ecsemulator.core.logs.filter;

import dev.ecsemulator.core.logs.filter.JsonPattern.Condition;
import dev.ecsemulator.core.logs.filter.JsonPattern.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads {@code { CONDITION }} into a {@link Condition} tree by recursive descent over this grammar:
 *
 * <pre>
 * pattern   = "{" or "}"
 * or        = and { "||" and }
 * and       = primary { "&amp;&amp;" primary }
 * primary   = "(" or ")" | SELECTOR comparison
 * comparison= OPERATOR value | "IS" ("NULL" | "TRUE" | "FALSE") | "NOT" "EXISTS" | "EXISTS"
 * value     = QUOTED | %REGEX% | WORD
 * </pre>
 *
 * Keywords are case-insensitive. Not thread-safe: one parser per pattern.
 */
final class JsonPatternParser {

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  /** Characters that end a bare word or selector. */
  private static final String DELIMITERS = "(){}&|=!<>\"";

  private final String text;
  private int pos;

  JsonPatternParser(String text) {
    this.text = text;
  }

  Condition parse() {
    expect("{");
    Condition condition = or();
    expect("}");
    skipSpace();
    if (pos < text.length()) {
      throw FilterPattern.invalid("unexpected text after the closing brace: " + text.substring(pos));
    }
    return condition;
  }

  private Condition or() {
    List<Condition> parts = new ArrayList<>(List.of(and()));
    while (accept("||")) {
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new JsonPattern.Any(List.copyOf(parts));
  }

  private Condition and() {
    List<Condition> parts = new ArrayList<>(List.of(primary()));
    while (accept("&&")) {
      parts.add(primary());
    }
    return parts.size() == 1 ? parts.get(0) : new JsonPattern.All(List.copyOf(parts));
  }

  private Condition primary() {
    if (accept("(")) {
      Condition inner = or();
      expect(")");
      return inner;
    }
    skipSpace();
    if (pos >= text.length() || text.charAt(pos) != '$') {
      throw FilterPattern.invalid("expected a selector such as $.field at: " + rest());
    }
    Selector selector = Selector.parse(word());
    return comparison(selector);
  }

  private Condition comparison(Selector selector) {
    skipSpace();
    String operator = operator();
    if (operator != null) {
      Operator op = Operator.of(operator);
      Value value = value();
      if (op.numericOnly() && !value.isNumber()) {
        throw FilterPattern.invalid(operator + " compares numbers, not " + value.text());
      }
      return new JsonPattern.Test(selector, op, value);
    }
    String keyword = word().toUpperCase(Locale.ROOT);
    Operator op = switch (keyword) {
      case "IS" -> switch (word().toUpperCase(Locale.ROOT)) {
        case "NULL" -> Operator.IS_NULL;
        case "TRUE" -> Operator.IS_TRUE;
        case "FALSE" -> Operator.IS_FALSE;
        default -> throw FilterPattern.invalid("IS is followed by NULL, TRUE or FALSE in " + text);
      };
      case "NOT" -> {
        if (!word().equalsIgnoreCase("EXISTS")) {
          throw FilterPattern.invalid("NOT is followed by EXISTS in " + text);
        }
        yield Operator.NOT_EXISTS;
      }
      case "EXISTS" -> Operator.EXISTS;
      default -> throw FilterPattern.invalid("expected an operator after " + selector.text() + " at: " + rest());
    };
    return new JsonPattern.Test(selector, op, null);
  }

  /** The comparison operator at the cursor, consumed, or null when there is none. */
  private String operator() {
    for (String op : List.of("!=", "<=", ">=", "=", "<", ">")) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return op;
      }
    }
    return null;
  }

  private Value value() {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == '"') {
      int close = TermPattern.closingQuote(text, pos);
      String quoted = TermPattern.unescape(text.substring(pos + 1, close));
      pos = close + 1;
      return Value.text(quoted);
    }
    if (pos < text.length() && text.charAt(pos) == '%') {
      int close = text.indexOf('%', pos + 1);
      if (close < 0) {
        throw FilterPattern.invalid("unterminated regular expression at: " + rest());
      }
      String expression = text.substring(pos + 1, close);
      pos = close + 1;
      return Value.regex(expression);
    }
    String word = word();
    return NUMBER.matcher(word).matches() ? Value.number(word) : Value.text(word);
  }

  /** The bare word at the cursor (up to white space or a delimiter), consumed; never empty. */
  private String word() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
        && DELIMITERS.indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    if (pos == start) {
      throw FilterPattern.invalid("expected a value at: " + rest());
    }
    return text.substring(start, pos);
  }

  private boolean accept(String token) {
    skipSpace();
    if (text.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw FilterPattern.invalid("expected '" + token + "' at: " + rest());
    }
  }

  private String rest() {
    return pos >= text.length() ? "the end of the pattern" : text.substring(pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
