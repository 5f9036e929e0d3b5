package dev.ecsemulator.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Secret values made recognisable, to find any that shows where it must not: every value the fuzz sends in a member
 * its model marks sensitive (SecretString, SecretBinary, an SSM parameter's Value, ...) starts with {@link #MARK}, and
 * a blob's bytes do, so its base64 starts with {@link #BLOB_MARK}. Not thread-safe.
 */
final class SecretWatch {

  /** Nine characters, a multiple of three, so a blob's base64 begins with the mark's own base64. */
  static final String MARK = "zQ7sEcRtZ";
  static final String BLOB_MARK = Base64.getEncoder().encodeToString(MARK.getBytes(StandardCharsets.UTF_8));

  private final Random random;
  private int made;

  SecretWatch(Random random) {
    this.random = random;
  }

  /** A new secret value: the mark, a serial number and a few random characters. */
  String value() {
    made++;
    return MARK + made + "-" + Integer.toString(random.nextInt(1 << 30), 36);
  }

  /** A new secret blob, base64-encoded as the JSON protocol sends blobs. */
  String blob() {
    return Base64.getEncoder().encodeToString(value().getBytes(StandardCharsets.UTF_8));
  }

  /** How many secret values were made. */
  int made() {
    return made;
  }

  /** Whether a secret value made here shows in {@code text}. */
  static boolean shows(String text) {
    return text.contains(MARK) || text.contains(BLOB_MARK);
  }

  /** Where in {@code text} the first secret value shows, with up to 120 characters of context on each side. */
  static String around(String text) {
    int at = text.indexOf(MARK);
    if (at < 0) {
      at = text.indexOf(BLOB_MARK);
    }
    if (at < 0) {
      return "";
    }
    return text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 120));
  }
}
