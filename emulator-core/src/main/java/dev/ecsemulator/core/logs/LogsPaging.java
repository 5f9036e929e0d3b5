package dev.ecsemulator.core.logs;

import dev.ecsemulator.core.logs.error.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * {@code limit}/{@code nextToken} paging of DescribeLogGroups and DescribeLogStreams over a list already in its final
 * order. The token is the sort key of the last item returned (opaque: base64), so a page boundary survives items
 * created or deleted in between.
 */
final class LogsPaging {

  /** "The specified nextToken is invalid.", recorded from AWS (LocalStack's snapshot tests of GetLogEvents). */
  static final String INVALID_TOKEN = "The specified nextToken is invalid.";
  /** DescribeLogGroups, DescribeLogStreams: "the default is up to 50 items" (the model's maximum too). */
  static final int DEFAULT_LIMIT = 50;

  private LogsPaging() {}

  /** One page and the token for the next (null on the last). */
  record Page<T>(List<T> items, String nextToken) {}

  /**
   * @param ordered items in the order they are answered in
   * @param sortKey a key whose string order is {@code ordered}'s order (or its reverse, when {@code descending})
   */
  static <T> Page<T> page(List<T> ordered, Function<T, String> sortKey, boolean descending, Integer limit,
      String nextToken) {
    int max = limit == null ? DEFAULT_LIMIT : limit;
    int start = 0;
    if (nextToken != null) {
      String after = decode(nextToken);
      while (start < ordered.size() && passed(sortKey.apply(ordered.get(start)), after, descending)) {
        start++;
      }
    }
    int end = Math.min(ordered.size(), start + max);
    String next = end < ordered.size() ? encode(sortKey.apply(ordered.get(end - 1))) : null;
    return new Page<>(List.copyOf(ordered.subList(start, end)), next);
  }

  private static boolean passed(String key, String after, boolean descending) {
    int c = key.compareTo(after);
    return descending ? c >= 0 : c <= 0;
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(INVALID_TOKEN);
    }
  }
}
