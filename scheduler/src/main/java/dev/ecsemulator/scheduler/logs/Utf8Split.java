package dev.ecsemulator.scheduler.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Sizes in UTF-8 and cuts that keep whole characters, as Docker's awslogs driver measures and splits a message
 * ({@code effectiveLen}, {@code findValidSplit}: invalid bytes count as the 3-byte replacement character, which they
 * already are in a decoded Java string). Pure.
 */
final class Utf8Split {

  private Utf8Split() {}

  /** The UTF-8 size of {@code text}. */
  static int length(CharSequence text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (pairAt(text, i)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** {@code text} in pieces of at most {@code maxBytes} UTF-8 bytes each, none cutting a character; none when empty. */
  static List<String> pieces(String text, int maxBytes) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      boolean pair = pairAt(text, i);
      int size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
      if (bytes + size > maxBytes && i > start) {
        pieces.add(text.substring(start, i));
        start = i;
        bytes = 0;
      }
      bytes += size;
      i += pair ? 2 : 1;
    }
    if (start < text.length()) {
      pieces.add(text.substring(start));
    }
    return pieces;
  }

  /** Whether a surrogate pair (one character of 4 UTF-8 bytes) starts at {@code i}. */
  private static boolean pairAt(CharSequence text, int i) {
    return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }
}
