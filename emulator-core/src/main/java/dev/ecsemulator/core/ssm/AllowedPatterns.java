package dev.ecsemulator.core.ssm;

import java.util.regex.Pattern;

/**
 * Whether a value matches a parameter's AllowedPattern, a Java regular expression the user chose, with a bound on the
 * work: Java's engine backtracks, and a pattern such as {@code [\w-]*[\w-]*...!} over a 60-character value would take
 * for ever, inside the write that stores the version (every later write of the account and Region waited behind it;
 * found by the request fuzz). Judging a value reads its characters; past {@value #MAX_READS} reads, the value counts as
 * not validated. Ordinary patterns read a value a few times over. Pure; thread-safe.
 */
final class AllowedPatterns {

  /** Far beyond what a sane pattern needs over the largest value (8 KB, advanced tier); tens of ms of work. */
  static final long MAX_READS = 20_000_000L;

  private AllowedPatterns() {}

  /**
   * Whether the whole value matches; false too when judging it would take more than {@link #MAX_READS} character
   * reads (AWS's answer to such a pattern is unverified: the same ParameterPatternMismatchException, whose wording,
   * "cannot be validated", fits).
   */
  static boolean matches(Pattern pattern, String value) {
    try {
      return pattern.matcher(new Budgeted(value)).matches();
    } catch (Exhausted e) {
      return false;
    }
  }

  /** The value, counting the reads of its characters. */
  private static final class Budgeted implements CharSequence {
    private final String value;
    private long reads;

    Budgeted(String value) {
      this.value = value;
    }

    @Override
    public char charAt(int index) {
      if (++reads > MAX_READS) {
        throw new Exhausted();
      }
      return value.charAt(index);
    }

    @Override
    public int length() {
      return value.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return value.substring(start, end);
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /** Thrown out of the matcher when the budget is spent; never leaves this class. */
  private static final class Exhausted extends RuntimeException {
    Exhausted() {
      super(null, null, false, false);
    }
  }
}
