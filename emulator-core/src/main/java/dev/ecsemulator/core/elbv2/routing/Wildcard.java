package dev.ecsemulator.core.elbv2.routing;

/**
 * AWS's wildcards in rule conditions: {@code *} matches any run of characters (none too), {@code ?} exactly one; all
 * else matches itself. Path patterns compare case-sensitively, host names case-insensitively. Pure.
 */
public final class Wildcard {

  private Wildcard() {}

  public static boolean matches(String pattern, String text, boolean ignoreCase) {
    String p = ignoreCase ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern;
    String t = ignoreCase ? text.toLowerCase(java.util.Locale.ROOT) : text;
    // Greedy with backtracking to the last star: linear for patterns without stars, O(p*t) at worst.
    int pi = 0;
    int ti = 0;
    int star = -1;
    int resume = 0;
    while (ti < t.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
        pi++;
        ti++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        resume = ti;
      } else if (star >= 0) {
        pi = star + 1;
        ti = ++resume;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }
}
