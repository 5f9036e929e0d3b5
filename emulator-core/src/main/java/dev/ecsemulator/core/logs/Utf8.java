package dev.ecsemulator.core.logs;

/** UTF-8 lengths without encoding: the batch limits of CloudWatch Logs count bytes, and every event is measured. */
final class Utf8 {

  private Utf8() {}

  /** The length of {@code text} in UTF-8 (an unpaired surrogate counts as the 3 bytes of its replacement). */
  static int length(String text) {
    int bytes = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
