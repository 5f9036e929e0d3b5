package dev.ecsemulator.api.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The log of the emulators running in this JVM while it is open: slf4j-simple writes each line to the
 * {@code System.err} of that moment, which this replaces with one that keeps a copy and passes everything on.
 * How a test shows that something never reaches the log. Close it (try-with-resources) to put {@code System.err}
 * back.
 */
public final class LogCapture implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  public LogCapture() {
    System.setErr(new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        synchronized (copy) {
          copy.write(bytes, offset, length);
        }
        original.write(bytes, offset, length);
      }
    }, true, StandardCharsets.UTF_8));
  }

  /** Everything logged since this was opened. */
  public String text() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
