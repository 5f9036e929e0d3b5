package dev.ecsemulator.core.logs.filter;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * {@code %REGEX%}: the expression found anywhere in the message. AWS allows no parentheses (no subpatterns); the rest
 * is read as RE2 reads it, which agrees with AWS's documented operators ({@code ^ $ ? [] {m,n} | \ * + .}). RE2 (RE2/J)
 * matches in time linear in the message, whatever the expression: Java's backtracking engine took for ever over
 * {@code a*a*...a*#} and a long message, holding a server thread (found by the request fuzz). AWS's own engine is not
 * documented; "DFA compatible" is what AWS asks of the regular expressions of CloudWatch Application Insights.
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
