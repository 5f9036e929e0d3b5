package dev.ecsemulator.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading {@code jcmd PID GC.heap_info} as the JVMs here print it, and Linux's per-thread CPU counters. */
class ProcessStatsTest {

  @Test
  void theSerialCollectorsHeapIsTheSumOfItsGenerations() {
    String out = """
        7763:
         def new generation   total 116160K, used 6197K [0x0000000687400000, 0x000000068f200000, 0x0000000704d50000)
          eden space 103296K,   6% used [0x0000000687400000, 0x0000000687a0d748, 0x000000068d8e0000)
          from space 12864K,   0% used [0x000000068d8e0000, 0x000000068d8e0000, 0x000000068e570000)
          to   space 12864K,   0% used [0x000000068e570000, 0x000000068e570000, 0x000000068f200000)
         tenured generation   total 258048K, used 20480K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
           the space 258048K,   7% used [0x0000000704d50000, 0x0000000704d50000, 0x0000000704d50200, 0x0000000714950000)
         Metaspace       used 115K, committed 320K, reserved 1114112K
        """;

    assertThat(ProcessStats.parseHeap(out)).contains(
        new ProcessStats.Heap((116160L + 258048L) * 1024, (6197L + 20480L) * 1024));
  }

  @Test
  void g1ReportsOneHeapLine() {
    String out = """
        4242:
         garbage-first heap   total 114688K, used 21504K [0x0000000687400000, 0x0000000800000000)
          region size 1024K, 3 young (3072K), 1 survivors (1024K)
         Metaspace       used 60000K, committed 61000K, reserved 1114112K
        """;

    assertThat(ProcessStats.parseHeap(out)).contains(new ProcessStats.Heap(114688L * 1024, 21504L * 1024));
  }

  @Test
  void anAnswerWithoutAHeapIsNone() {
    assertThat(ProcessStats.parseHeap("4242:\ncom.sun.tools.attach.AttachNotSupportedException")).isEmpty();
  }

  @Test
  void schedstatsFirstFieldIsNanosecondsOnACpu() {
    assertThat(ProcessStats.schedstatSeconds("1234567890 5000 12\n")).isEqualTo(1.23456789);
  }

  @Test
  void theCompilersAreTheC1AndC2Threads() {
    Map<String, Double> threads = Map.of("C2 CompilerThre", 1.5, "C1 CompilerThre", 0.25, "ecs-task-N", 4.0,
        "VM Thread", 1.0);

    assertThat(ProcessStats.compilerCpu(threads)).isEqualTo(1.75);
  }

  @Test
  void compilersAreQuietUnderHalfAPercentOfACore() {
    assertThat(JitSettle.quiet(0.02, Duration.ofSeconds(5))).isTrue();
    assertThat(JitSettle.quiet(-0.3, Duration.ofSeconds(5))).isTrue();
    assertThat(JitSettle.quiet(0.03, Duration.ofSeconds(5))).isFalse();
  }
}
