package dev.ecsemulator.bench.process;

import java.time.Duration;

/**
 * Lets a JVM's JIT compilers catch up before an idle measurement. The load that precedes it (the benchmark's own
 * requests, 200 launches) leaves C2 compiling for tens of seconds: measured at once, the "idle" CPU was mostly the
 * compilers' (docs/benchmarks.md, "Scale"), which is the benchmark's warm-up showing, not what the emulator costs at
 * rest. So: wait in steps until a step in which the compilers used less than {@value #QUIET_SHARE_PERCENT} % of a
 * core, for at most {@link #LIMIT}; the report says how long that took and what the compilers used meanwhile.
 */
public final class JitSettle {

  static final double QUIET_SHARE_PERCENT = 0.5;
  static final Duration STEP = Duration.ofSeconds(5);
  static final Duration LIMIT = Duration.ofMinutes(2);

  private JitSettle() {}

  /**
   * @param seconds how long it waited
   * @param compilerSeconds the CPU time the compilers used meanwhile
   * @param quiet false when {@link #LIMIT} passed with the compilers still busy
   */
  public record Outcome(double seconds, double compilerSeconds, boolean quiet) {}

  /** Waits until the emulator's compilers are quiet for a step, or {@link #LIMIT}. */
  public static Outcome await(EmulatorProcess emulator) {
    long begin = System.nanoTime();
    double first = ProcessStats.compilerCpu(emulator.pid());
    double previous = first;
    boolean quiet = false;
    while (!quiet && System.nanoTime() - begin < LIMIT.toNanos()) {
      emulator.idle(STEP);
      double now = ProcessStats.compilerCpu(emulator.pid());
      quiet = quiet(now - previous, STEP);
      previous = now;
    }
    return new Outcome((System.nanoTime() - begin) / 1e9, Math.max(0, previous - first), quiet);
  }

  /**
   * Whether compilers that used {@code cpuSeconds} over {@code step} are quiet. A compiler thread that ended takes its
   * CPU time out of the sum, so a negative growth counts as quiet too.
   */
  static boolean quiet(double cpuSeconds, Duration step) {
    return cpuSeconds < QUIET_SHARE_PERCENT / 100 * step.toMillis() / 1000.0;
  }
}
