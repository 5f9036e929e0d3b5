package dev.ecsemulator.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes the CPU samples ({@code jdk.ExecutionSample}) of a JFR recording: the methods most often on top of
 * the stack (self time) and most often anywhere on it (total time), as shares of all samples. What {@code jfr
 * print --events jdk.ExecutionSample} shows, counted. async-profiler is not available on these machines.
 *
 * <p>Usage: {@code java -cp bench/target/ecs-emulator-bench.jar dev.ecsemulator.bench.profile.JfrTopFrames
 * FILE.jfr [TOP] [PACKAGE-PREFIX-FOR-TOTALS] [FOCUS-METHOD]}: with a focus method (e.g.
 * {@code java.lang.Throwable.fillInStackTrace}), it also prints the most frequent stacks through it.
 */
public final class JfrTopFrames {

  private JfrTopFrames() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: JfrTopFrames FILE.jfr [TOP] [PACKAGE-PREFIX]");
      System.exit(2);
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    String prefix = args.length > 2 ? args[2] : "";
    String focus = args.length > 3 ? args[3] : null;
    Map<String, Integer> focusStacks = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      if (focus != null && frames.stream().anyMatch(f -> name(f).equals(focus))) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < Math.min(frames.size(), 16); i++) {
          path.append("\n        at ").append(name(frames.get(i)));
        }
        focusStacks.merge(path.toString(), 1, Integer::sum);
      }
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (name.startsWith(prefix) && seen.add(name)) {
          total.merge(name, 1, Integer::sum);
        }
      }
    }
    System.out.printf("%d execution samples%n%nTop %d by self time:%n", samples, top);
    print(self, samples, top);
    System.out.printf("%nTop %d by total time%s:%n", top, prefix.isEmpty() ? "" : " (" + prefix + "*)");
    print(total, samples, top);
    if (focus != null) {
      System.out.printf("%nMost frequent stacks through %s:%n", focus);
      print(focusStacks, samples, 8);
    }
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(Map<String, Integer> counts, int samples, int top) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(top)
        .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
  }
}
