package dev.ecsemulator.bench.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Drains a child's output on a daemon thread (so the child never blocks on a full pipe), completes when a line
 * announcing readiness appears, and keeps the output readable for error messages: written to a log file until
 * then (and after, when asked), the last lines always kept in memory.
 */
final class OutputWatcher {

  private static final int TAIL_LINES = 30;

  private final CompletableFuture<ReadyLine> ready = new CompletableFuture<>();
  private final Deque<String> tail = new ArrayDeque<>();

  /** The line that said "ready" and when it was read ({@link System#nanoTime()}). */
  record ReadyLine(String line, long nanos) {}

  /**
   * @param logAfterReady whether lines after the ready line still go to the log (moto logs every request:
   *     those are only counted, to keep its output from costing the benchmark disk writes)
   */
  OutputWatcher(String name, InputStream stream, Path log, Predicate<String> isReady, boolean logAfterReady) {
    Thread thread = new Thread(() -> drain(stream, log, isReady, logAfterReady), name + "-output");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Waits for the ready line.
   *
   * @throws IllegalStateException when the output ends first or {@code timeout} passes, with the last lines
   */
  ReadyLine awaitReady(Duration timeout) {
    try {
      return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("not ready within " + timeout.toSeconds() + " s; last output:\n" + tail());
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage() + "; last output:\n" + tail(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for readiness", e);
    }
  }

  synchronized String tail() {
    return String.join("\n", tail);
  }

  private void drain(InputStream stream, Path log, Predicate<String> isReady, boolean logAfterReady) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
         BufferedWriter writer = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = reader.readLine()) != null) {
        long now = System.nanoTime();
        remember(line);
        if (!ready.isDone() || logAfterReady) {
          writer.write(line);
          writer.newLine();
          writer.flush();
        }
        if (!ready.isDone() && isReady.test(line)) {
          ready.complete(new ReadyLine(line, now));
        }
      }
    } catch (IOException e) {
      // the child went away; the future below says so
    }
    ready.completeExceptionally(new IllegalStateException("the process ended before it was ready"));
  }

  private synchronized void remember(String line) {
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
    }
  }
}
