package dev.ecsemulator.core.secretsmanager;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.secretsmanager.error.InvalidNextTokenException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * MaxResults/NextToken paging over a list in its final order, as Secrets Manager's errors word it. The token is
 * opaque (base64 of the last item's sort key), so a page boundary survives inserts and deletes. The range of
 * MaxResults is the model's, checked before this. Pure.
 */
final class SecretPaging {

  private SecretPaging() {}

  /**
   * @param ordered items ordered by {@code key}: ascending, or descending if {@code descending}
   * @throws InvalidNextTokenException for a token this did not make
   */
  static <T> Paging.Page<T> page(List<T> ordered, Function<T, String> key, boolean descending, Integer maxResults,
      String nextToken, int defaultMax) {
    int start = 0;
    if (nextToken != null) {
      String after = decode(nextToken);
      while (start < ordered.size() && !beyond(key.apply(ordered.get(start)), after, descending)) {
        start++;
      }
    }
    int end = Math.min(ordered.size(), start + (maxResults == null ? defaultMax : maxResults));
    String next = end < ordered.size() ? encode(key.apply(ordered.get(end - 1))) : null;
    return new Paging.Page<>(List.copyOf(ordered.subList(start, end)), next);
  }

  private static boolean beyond(String key, String after, boolean descending) {
    int order = key.compareTo(after);
    return descending ? order < 0 : order > 0;
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidNextTokenException(SecretMessages.INVALID_NEXT_TOKEN);
    }
  }
}
