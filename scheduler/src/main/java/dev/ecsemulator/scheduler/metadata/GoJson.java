package dev.ecsemulator.scheduler.metadata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Values as Go's {@code encoding/json} writes them, which the agent's answers are made of: a
 * {@code time.Time} is RFC 3339 in UTC with as many fractional digits as it needs, up to nine
 * ({@code 2020-10-02T00:43:06.31288465Z}, no trailing zeros; no fraction at all for a whole second), and a
 * {@code float64} is a plain decimal without a trailing {@code .0}. Pure.
 */
public final class GoJson {

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  private GoJson() {}

  /** Go's {@code time.RFC3339Nano} of {@code instant} in UTC; null for null. */
  public static String time(Instant instant) {
    if (instant == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(SECONDS.format(instant));
    int nanos = instant.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos).replaceFirst("0+$", "");
      text.append('.').append(fraction);
    }
    return text.append('Z').toString();
  }

  /** RFC 3339 to the second, as STS writes a credential's expiration ({@code 2016-02-25T06:03:31Z}). */
  public static String timeToSecond(Instant instant) {
    return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS)) + "Z";
  }

  /** A {@code float64} as Go writes it: {@code 2}, {@code 0.25}, {@code 1024}. */
  public static BigDecimal float64(double value) {
    BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
    return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
  }
}
