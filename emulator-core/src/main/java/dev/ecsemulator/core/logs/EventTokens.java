package dev.ecsemulator.core.logs;

import dev.ecsemulator.core.logs.error.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens of GetLogEvents ({@code f/DIGITS/s} forward, {@code b/DIGITS/s} backward, the shape of AWS's) and of
 * FilterLogEvents (opaque), and event IDs: all encode an {@link EventPosition} as 56 digits, as AWS's event IDs and
 * tokens have. Pure.
 */
final class EventTokens {

  private static final Pattern STREAM_TOKEN = Pattern.compile("([fb])/(\\d{56})/s");
  private static final Pattern DIGITS = Pattern.compile("\\d{56}");

  private EventTokens() {}

  /** A GetLogEvents token: reading on from {@code position} forward (events after it) or backward (at or before). */
  record StreamToken(boolean forward, EventPosition position) {
    String text() {
      return (forward ? "f/" : "b/") + digits(position) + "/s";
    }
  }

  /** @throws InvalidParameterException "The specified nextToken is invalid." */
  static StreamToken parseStreamToken(String token) {
    Matcher m = STREAM_TOKEN.matcher(token);
    if (!m.matches()) {
      throw new InvalidParameterException(LogsPaging.INVALID_TOKEN);
    }
    return new StreamToken(m.group(1).equals("f"), position(m.group(2)));
  }

  /** A FilterLogEvents token: the events after {@code position}. */
  static String filterToken(EventPosition position) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digits(position).getBytes(StandardCharsets.US_ASCII));
  }

  /** @throws InvalidParameterException "The specified nextToken is invalid." */
  static EventPosition parseFilterToken(String token) {
    try {
      String digits = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      if (DIGITS.matcher(digits).matches()) {
        return position(digits);
      }
    } catch (IllegalArgumentException e) {
      // not base64: invalid, as below
    }
    throw new InvalidParameterException(LogsPaging.INVALID_TOKEN);
  }

  /** The event ID FilterLogEvents gives an event: unique in its group, the same at every read. */
  static String eventId(EventPosition position) {
    return digits(position);
  }

  // Timestamp and sequence number are shifted by one so that the boundaries START and "before the first event" (-1)
  // have digits too.
  private static String digits(EventPosition p) {
    return String.format("%016d%020d%020d", p.timestamp() + 1, p.order(), p.seq() + 1);
  }

  private static EventPosition position(String digits) {
    try {
      return new EventPosition(Long.parseLong(digits.substring(0, 16)) - 1, Long.parseLong(digits.substring(16, 36)),
          Long.parseLong(digits.substring(36)) - 1);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(LogsPaging.INVALID_TOKEN);
    }
  }
}
