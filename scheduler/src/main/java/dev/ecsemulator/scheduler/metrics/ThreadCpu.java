package dev.ecsemulator.scheduler.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time, for the metrics loop's own cost. A class of its own so that the platform's management
 * beans (tens of classes, some milliseconds) are set up by the first metrics period, not while the emulator starts
 * (docs/benchmarks.md, "Start-up time and idle memory").
 */
final class ThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThreadCpu() {
  }

  /** The calling thread's CPU time in nanoseconds, or -1 where the JVM does not measure it. */
  static long nanos() {
    return THREADS.getCurrentThreadCpuTime();
  }
}
