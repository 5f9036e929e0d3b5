package dev.ecsemulator.core.logs.filter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code %REGEX%}: the expression found anywhere in the message. AWS allows no parentheses (no subpatterns); the rest
 * is read as Java reads it, which agrees with AWS's documented operators ({@code ^ $ ? [] {m,n} | \ * + .}).
 */
final class RegexPattern implements FilterPattern {

  private final Pattern regex;

  private RegexPattern(Pattern regex) {
    this.regex = regex;
  }

  static RegexPattern parse(String expression) {
    if (expression.isEmpty() || expression.indexOf('(') >= 0 || expression.indexOf(')') >= 0) {
      throw FilterPattern.invalid("a regular expression must be non-empty and may not use ( or ): %" + expression + "%");
    }
    try {
      return new RegexPattern(Pattern.compile(expression));
    } catch (PatternSyntaxException e) {
      throw FilterPattern.invalid("not a regular expression: %" + expression + "%");
    }
  }

  @Override
  public boolean matches(String message) {
    return regex.matcher(message).find();
  }
}
