package dev.ecsemulator.core;

import java.util.Random;
import java.util.UUID;

/**
 * Makes the identifiers ECS hands out. Injectable so that tests (and the reconciler's property tests) are
 * deterministic: {@link #random()} in production, {@link #seeded(long)} in tests. Thread-safe.
 */
public interface Ids {

  /** 32 lowercase hex characters, as task IDs are. */
  String taskId();

  /** A random UUID, as container ARNs, attachment and event IDs use. */
  String uuid();

  /** {@code ecs-svc/} and 19 decimal digits, as deployment IDs are. */
  String deploymentId();

  /** {@code eni-} and 17 hex characters. */
  String networkInterfaceId();

  static Ids random() {
    return new Generated(new java.security.SecureRandom());
  }

  static Ids seeded(long seed) {
    return new Generated(new Random(seed));
  }

  /** Both implementations: only the source of randomness differs. */
  final class Generated implements Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final Random random;

    private Generated(Random random) {
      this.random = random;
    }

    private synchronized String hex(int length) {
      char[] out = new char[length];
      for (int i = 0; i < length; i++) {
        out[i] = HEX[random.nextInt(16)];
      }
      return new String(out);
    }

    @Override
    public String taskId() {
      return hex(32);
    }

    @Override
    public synchronized String uuid() {
      long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
      long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
      return new UUID(msb, lsb).toString();
    }

    @Override
    public synchronized String deploymentId() {
      // 19 digits, leading digit non-zero, within the range of a positive long like ECS's.
      long n = 1_000_000_000_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 8_000_000_000_000_000_000L;
      return "ecs-svc/" + n;
    }

    @Override
    public String networkInterfaceId() {
      return "eni-" + hex(17);
    }
  }
}
