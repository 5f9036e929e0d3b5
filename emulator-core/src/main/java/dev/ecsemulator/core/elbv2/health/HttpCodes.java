package dev.ecsemulator.core.elbv2.health;

/**
 * A target group's matcher ({@code Matcher.HttpCode}): a code ({@code 200}), a list ({@code 200,202}), a range
 * ({@code 200-299}) or a mix of them. Pure.
 */
public final class HttpCodes {

  private HttpCodes() {}

  /** Whether {@code status} is one the matcher accepts; a malformed matcher accepts nothing. */
  public static boolean matches(String matcher, int status) {
    if (matcher == null) {
      return status == 200;
    }
    for (String part : matcher.split(",")) {
      String trimmed = part.trim();
      int dash = trimmed.indexOf('-');
      try {
        if (dash < 0 ? status == Integer.parseInt(trimmed)
            : status >= Integer.parseInt(trimmed.substring(0, dash).trim())
                && status <= Integer.parseInt(trimmed.substring(dash + 1).trim())) {
          return true;
        }
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return false;
  }
}
