package dev.ecsemulator.scheduler.task;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what the emulator logs while it is open (the tests' slf4j-simple writes to whatever
 * {@code System.err} is at each line), still passing it on. How a test shows that no exception escaped
 * a pass that runs on the engine's threads: the executors log those as "Bug: ..." at ERROR. Close it
 * (try-with-resources) to restore {@code System.err}.
 */
public final class LogCapture implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  public LogCapture() {
    OutputStream tee = new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (captured) {
          captured.write(b);
        }
        original.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (captured) {
          captured.write(b, off, len);
        }
        original.write(b, off, len);
      }
    };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /** Every line logged so far. */
  public List<String> lines() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** Lines logged at ERROR, or reporting a bug (an exception that escaped a pass). */
  public List<String> errors() {
    return lines().stream().filter(l -> l.contains(" ERROR ") || l.contains("Bug:")).toList();
  }

  /** Lines logged at WARN that contain {@code fragment}. */
  public List<String> warnings(String fragment) {
    return lines().stream().filter(l -> l.contains(" WARN ") && l.contains(fragment)).toList();
  }

  /** Lines that look like a stack trace: none should be logged for a record the engine merely refuses. */
  public List<String> stackTraces() {
    return lines().stream().filter(l -> l.startsWith("\tat ") || l.contains("Exception")).toList();
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
