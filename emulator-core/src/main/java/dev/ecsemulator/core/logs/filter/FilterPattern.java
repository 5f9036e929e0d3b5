package dev.ecsemulator.core.logs.filter;

import dev.ecsemulator.core.logs.error.InvalidParameterException;

/**
 * A CloudWatch Logs filter pattern (FilterLogEvents' {@code filterPattern}), parsed once and matched against each
 * event's message. The syntax is AWS's "Filter pattern syntax" page:
 *
 * <ul>
 *   <li>terms, all of which must occur ({@code ERROR Exception}); a term matches wherever it occurs, case-sensitively
 *       ({@code ERROR} matches {@code ERRORCODE}); terms of characters other than letters, digits and {@code _} are
 *       quoted ({@code "Failed to process"});
 *   <li>{@code ?term}: at least one of these must occur ({@code ?ERROR ?WARN}); {@code -term}: must not occur;
 *   <li>{@code { SELECTOR OPERATOR VALUE }}: JSON events ({@code { $.level = "error" }}, {@code { $.latency > 100 }},
 *       {@code IS NULL}, {@code IS TRUE}, {@code NOT EXISTS}, {@code &&}, {@code ||}, parentheses), see
 *       {@link JsonPattern};
 *   <li>{@code %REGEX%}: a regular expression found anywhere in the message.
 * </ul>
 *
 * Space-delimited patterns ({@code [ip, user, ..., status_code = 4*]}) are not supported: they are refused, saying so.
 *
 * An empty pattern matches every event. Implementations are immutable and thread-safe.
 */
public interface FilterPattern {

  /** Matches every event. */
  FilterPattern ALL = message -> true;

  boolean matches(String message);

  /**
   * @throws InvalidParameterException "Invalid filter pattern: ..." for a pattern AWS would refuse; a term with
   *     characters that need quotes is worded as AWS words it ("Invalid character(s) in term '10.0.0.1'")
   */
  static FilterPattern parse(String pattern) {
    String text = pattern == null ? "" : pattern.strip();
    if (text.isEmpty()) {
      return ALL;
    }
    if (text.startsWith("{")) {
      return JsonPattern.parse(text);
    }
    if (text.startsWith("[")) {
      throw invalid("space-delimited patterns ([w1, w2 = value, ...]) are not supported by ecs-emulator");
    }
    if (text.length() > 1 && text.startsWith("%") && text.endsWith("%")) {
      return RegexPattern.parse(text.substring(1, text.length() - 1));
    }
    return TermPattern.parse(text);
  }

  /** The error for a pattern that does not parse: {@code Invalid filter pattern: DETAIL} (the detail is the emulator's). */
  static InvalidParameterException invalid(String detail) {
    return new InvalidParameterException("Invalid filter pattern: " + detail);
  }
}
