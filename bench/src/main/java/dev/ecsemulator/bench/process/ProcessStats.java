package dev.ecsemulator.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Linux says about a process (from {@code /proc}), and what a JVM says about its heap (from {@code jcmd}).
 * Linux only, as this project's machines are.
 */
public final class ProcessStats {

  /** Clock ticks per second of {@code /proc/PID/stat} times; 100 on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100.0;
  /**
   * G1 reports one line ({@code garbage-first heap   total 114688K, used 21000K}), the serial collector one per
   * generation ({@code def new generation ...}, {@code tenured generation ...}): the heap is their sum.
   */
  private static final Pattern HEAP = Pattern.compile("(?:heap|generation)\\s+total (\\d+)K, used (\\d+)K");

  private ProcessStats() {}

  /**
   * @param rssBytes resident set size now ({@code VmRSS})
   * @param peakRssBytes the highest resident set size so far ({@code VmHWM})
   * @param cpuSeconds user plus system CPU time used so far
   * @param threads the number of threads now
   */
  public record Snapshot(long rssBytes, long peakRssBytes, double cpuSeconds, int threads) {

    public double rssMiB() {
      return rssBytes / (1024.0 * 1024.0);
    }

    public double peakRssMiB() {
      return peakRssBytes / (1024.0 * 1024.0);
    }
  }

  /** A JVM's heap as {@code jcmd PID GC.heap_info} reports it. */
  public record Heap(long committedBytes, long usedBytes) {}

  /** @throws UncheckedIOException when the process is gone */
  public static Snapshot of(long pid) {
    try {
      long rss = 0;
      long hwm = 0;
      int threads = 0;
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kib(line);
        } else if (line.startsWith("VmHWM:")) {
          hwm = kib(line);
        } else if (line.startsWith("Threads:")) {
          threads = Integer.parseInt(line.substring(8).trim());
        }
      }
      double cpu = cpuSeconds(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
      return new Snapshot(rss, hwm, cpu, threads);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc for process " + pid, e);
    }
  }

  /**
   * CPU seconds used so far by each of the process's threads, summed by thread name with a trailing number dropped
   * ({@code ecs-task-12} counts as {@code ecs-task-N}): the time on a CPU in nanoseconds from
   * {@code /proc/PID/task/TID/schedstat}, or user + system in 10 ms ticks from {@code stat} where the kernel has no
   * schedstat. Threads that ended are not counted: compare two readings only for threads that live through both.
   */
  public static Map<String, Double> threadCpu(long pid) {
    Map<String, Double> byName = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(task.resolve("comm")).trim().replaceAll("-\\d+$", "-N");
          byName.merge(name, threadCpuSeconds(task), Double::sum);
        } catch (IOException ended) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc for process " + pid, e);
    }
    return byName;
  }

  private static double threadCpuSeconds(Path task) throws IOException {
    Path schedstat = task.resolve("schedstat");
    if (Files.isReadable(schedstat)) {
      return schedstatSeconds(Files.readString(schedstat));
    }
    return cpuSeconds(Files.readString(task.resolve("stat")));
  }

  /** The first field of a {@code schedstat} line: nanoseconds spent on a CPU. */
  static double schedstatSeconds(String schedstat) {
    return Long.parseLong(schedstat.trim().split("\\s+")[0]) / 1e9;
  }

  /**
   * CPU seconds the JVM's JIT compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThread1}, ...) have
   * used so far, as {@link #threadCpu} counts them.
   */
  public static double compilerCpu(long pid) {
    return compilerCpu(threadCpu(pid));
  }

  static double compilerCpu(Map<String, Double> threads) {
    return threads.entrySet().stream().filter(e -> e.getKey().matches("C[12] Compiler.*"))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  /** What each thread name used between two {@link #threadCpu} readings, the largest first; only names that used any. */
  public static List<Map.Entry<String, Double>> threadCpuDelta(Map<String, Double> before, Map<String, Double> after) {
    List<Map.Entry<String, Double>> used = new ArrayList<>();
    after.forEach((name, seconds) -> {
      double delta = seconds - before.getOrDefault(name, 0.0);
      if (delta > 0) {
        used.add(Map.entry(name, delta));
      }
    });
    used.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    return used;
  }

  /** User + system CPU seconds in a {@code /proc/.../stat} line. */
  private static double cpuSeconds(String stat) {
    // Fields after the command name (which may hold spaces), numbered from 3: utime is 14, stime is 15.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  /** The JVM's heap, or empty when jcmd is missing or does not answer in time. */
  public static Optional<Heap> heap(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid), "GC.heap_info"))
          .redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return Optional.empty();
      }
      return parseHeap(out);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The heap in the output of {@code jcmd PID GC.heap_info}, for G1 or the serial collector. */
  static Optional<Heap> parseHeap(String heapInfo) {
    Matcher m = HEAP.matcher(heapInfo);
    long committed = 0;
    long used = 0;
    boolean found = false;
    while (m.find()) {
      committed += Long.parseLong(m.group(1)) * 1024;
      used += Long.parseLong(m.group(2)) * 1024;
      found = true;
    }
    return found ? Optional.of(new Heap(committed, used)) : Optional.empty();
  }

  /** Asks the JVM for a full collection ({@code jcmd PID GC.run}); false when jcmd is missing or fails. */
  public static boolean fullGc(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid), "GC.run"))
          .redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
  }
}
