package dev.ecsemulator.core;

import dev.ecsemulator.core.error.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code maxResults}/{@code nextToken} pagination over a list already in its final order. The token is
 * opaque to clients (base64 of the last key returned), so a page boundary survives inserts and deletes.
 */
public final class Paging {

  private Paging() {}

  /** One page of items and the token for the next page (null on the last page). */
  public record Page<T>(List<T> items, String nextToken) {}

  /**
   * @param ordered items sorted by {@code key}, ascending
   * @param maxResults the caller's limit, or null for {@code defaultMax}
   * @param limit the largest maxResults the operation accepts (ECS: 100 for most List calls)
   */
  public static <T> Page<T> page(
      List<T> ordered, Function<T, String> key, Integer maxResults, String nextToken, int defaultMax, int limit) {
    int max = maxResults == null ? defaultMax : maxResults;
    if (max < 1 || max > limit) {
      throw new InvalidParameterException("maxResults must be between 1 and " + limit + ".");
    }
    return after(ordered, key, max, nextToken, () -> new InvalidParameterException("Invalid nextToken."));
  }

  /**
   * The page of at most {@code max} items after the one whose key {@code nextToken} holds (from the start if it is
   * null or empty), for operations that check their own limits.
   *
   * @param invalidToken the error of the caller's service for a token this class did not make
   */
  public static <T> Page<T> after(List<T> ordered, Function<T, String> key, int max, String nextToken,
      Supplier<? extends RuntimeException> invalidToken) {
    int start = 0;
    if (nextToken != null && !nextToken.isEmpty()) {
      String after = decode(nextToken, invalidToken);
      while (start < ordered.size() && key.apply(ordered.get(start)).compareTo(after) <= 0) {
        start++;
      }
    }
    int end = Math.min(ordered.size(), start + max);
    List<T> items = List.copyOf(ordered.subList(start, end));
    String next = end < ordered.size() ? encode(key.apply(ordered.get(end - 1))) : null;
    return new Page<>(items, next);
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token, Supplier<? extends RuntimeException> invalidToken) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidToken.get();
    }
  }
}
