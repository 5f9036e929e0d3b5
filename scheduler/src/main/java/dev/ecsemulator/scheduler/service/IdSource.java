package dev.ecsemulator.scheduler.service;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where new deployment and task IDs come from. Injected so that tests are deterministic.
 * Implementations are thread-safe.
 */
public interface IdSource {

  /** The smallest 19-digit number: deployment IDs are {@code ecs-svc/} and 19 decimal digits. */
  long FIRST_19_DIGITS = 1_000_000_000_000_000_000L;

  /** A new deployment ID: {@code ecs-svc/} followed by a 19-digit decimal number. */
  String newDeploymentId();

  /** A new task ID: 32 lowercase hex characters. */
  String newTaskId();

  /** Random IDs, as ECS makes them. */
  static IdSource random() {
    SecureRandom random = new SecureRandom();
    return new IdSource() {
      @Override
      public String newDeploymentId() {
        long n = FIRST_19_DIGITS + Math.floorMod(random.nextLong(), Long.MAX_VALUE - FIRST_19_DIGITS);
        return "ecs-svc/" + n;
      }

      @Override
      public String newTaskId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
      }
    };
  }

  /**
   * Predictable IDs for tests: deployments {@code ecs-svc/1000000000000000001}, {@code ...002}, ...;
   * tasks {@code 00000000000000000000000000000001}, {@code ...02}, ... (hex).
   */
  static IdSource sequential() {
    AtomicLong deployments = new AtomicLong();
    AtomicLong tasks = new AtomicLong();
    return new IdSource() {
      @Override
      public String newDeploymentId() {
        return "ecs-svc/" + (FIRST_19_DIGITS + deployments.incrementAndGet());
      }

      @Override
      public String newTaskId() {
        return String.format("%032x", tasks.incrementAndGet());
      }
    };
  }
}
