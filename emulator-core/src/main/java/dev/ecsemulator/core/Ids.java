package dev.ecsemulator.core;

import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the identifiers ECS hands out: the one source of new IDs for tasks, deployments, ENIs and UUIDs,
 * wired once by the composition root. Injectable so that tests (and the reconciler's property tests) are
 * deterministic: {@link #random()} in production, {@link #seeded(long)} or {@link #sequential()} in tests.
 * Thread-safe.
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

  /**
   * Predictable IDs for tests: deployments {@code ecs-svc/1000000000000000001}, {@code ...002}, ...; tasks
   * {@code 00000000000000000000000000000001}, {@code ...02}, ... (hex); UUIDs and ENI IDs numbered alike.
   * Each kind counts on its own, so asking for one kind never shifts the sequence of another.
   */
  static Ids sequential() {
    return new Sequential();
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

  /** {@link #sequential()}: one counter per kind of ID. */
  final class Sequential implements Ids {
    private static final long FIRST_19_DIGITS = 1_000_000_000_000_000_000L;
    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong uuids = new AtomicLong();
    private final AtomicLong deployments = new AtomicLong();
    private final AtomicLong networkInterfaces = new AtomicLong();

    private Sequential() {}

    @Override
    public String taskId() {
      return String.format("%032x", tasks.incrementAndGet());
    }

    @Override
    public String uuid() {
      return new UUID(0x4000L, 0x8000000000000000L | uuids.incrementAndGet()).toString(); // version 4, IETF variant
    }

    @Override
    public String deploymentId() {
      return "ecs-svc/" + (FIRST_19_DIGITS + deployments.incrementAndGet());
    }

    @Override
    public String networkInterfaceId() {
      return String.format("eni-%017x", networkInterfaces.incrementAndGet());
    }
  }
}
