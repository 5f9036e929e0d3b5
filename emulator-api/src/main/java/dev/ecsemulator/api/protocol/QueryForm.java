package dev.ecsemulator.api.protocol;

import dev.ecsemulator.core.error.MalformedQueryString;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The parameters of an AWS query-protocol request: its {@code application/x-www-form-urlencoded} body (and, for a
 * GET, its query string: the same syntax), as flat names ({@code TargetGroupArns.member.1}) to values, sorted by name
 * so that every parameter under a prefix is one range ({@link #under}). Immutable; thread-safe.
 */
final class QueryForm {

  private final NavigableMap<String, String> params;

  private QueryForm(NavigableMap<String, String> params) {
    this.params = Collections.unmodifiableNavigableMap(params);
  }

  /**
   * Parses {@code name=value&...} in UTF-8: {@code +} is a space, {@code %XX} a byte; a name without {@code =} has
   * the empty value; a repeated name keeps its last value.
   *
   * @throws MalformedQueryString for a bad percent escape
   */
  static QueryForm parse(String encoded) {
    NavigableMap<String, String> params = new TreeMap<>();
    if (encoded != null && !encoded.isEmpty()) {
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return new QueryForm(params);
  }

  static QueryForm parse(byte[] body) {
    return parse(new String(body, StandardCharsets.UTF_8));
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedQueryString("The query string contains a syntax error: " + e.getMessage());
    }
  }

  /** The value of {@code name}, or null. */
  String get(String name) {
    return params.get(name);
  }

  boolean has(String name) {
    return params.containsKey(name);
  }

  /** Every parameter whose name starts with {@code prefix + "."}, in name order. */
  NavigableMap<String, String> under(String prefix) {
    // '/' is the character after '.', so this is exactly the names that begin with "prefix.".
    return params.subMap(prefix + ".", true, prefix + "/", false);
  }

  /** Whether {@code name} is given, or anything beneath it. */
  boolean present(String name) {
    return params.containsKey(name) || !under(name).isEmpty();
  }
}
