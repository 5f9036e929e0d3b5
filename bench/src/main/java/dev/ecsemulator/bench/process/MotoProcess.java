package dev.ecsemulator.bench.process;

import dev.ecsemulator.bench.report.MachineFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * moto's server ({@code python3 -m moto.server -H 127.0.0.1 -p PORT}), the baseline: an ECS mock in Python that
 * answers the same requests from memory and runs nothing. Started with its defaults (a threaded Werkzeug
 * development server that logs every request and closes the connection after every response). Closing it stops
 * it; idempotent.
 */
public final class MotoProcess implements ServerProcess {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final URI endpoint;
  private final String version;
  private final long launchedNanos;
  private final long readyNanos;
  private boolean closed;

  private MotoProcess(Process process, URI endpoint, String version, long launchedNanos, long readyNanos) {
    this.process = process;
    this.endpoint = endpoint;
    this.version = version;
    this.launchedNanos = launchedNanos;
    this.readyNanos = readyNanos;
  }

  /** moto's version as {@code python} imports it, or empty when it cannot import moto. */
  public static Optional<String> version(String python) {
    return MachineFacts.run(List.of(python, "-c", "import moto, sys; sys.stdout.write(moto.__version__)"))
        .filter(out -> !out.contains("\n"));
  }

  /**
   * Starts moto on a free loopback port and waits until it says it is running.
   *
   * @throws IllegalStateException when moto cannot be imported or does not start
   */
  public static MotoProcess start(String python, Path workDir) {
    String version = version(python).orElseThrow(
        () -> new IllegalStateException(python + " cannot import moto"));
    try {
      Files.createDirectories(workDir);
      int port = freePort();
      Path log = Files.createTempFile(workDir, "moto-", ".log");
      long launched = System.nanoTime();
      Process process = new ProcessBuilder(List.of(python, "-m", "moto.server", "-H", "127.0.0.1", "-p",
          String.valueOf(port)))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      // Werkzeug announces " * Running on http://127.0.0.1:PORT" on stderr once it listens.
      OutputWatcher output = new OutputWatcher("moto", process.getErrorStream(), log,
          line -> line.contains("Running on http"), false);
      try {
        OutputWatcher.ReadyLine ready = output.awaitReady(READY_TIMEOUT);
        return new MotoProcess(process, URI.create("http://127.0.0.1:" + port), version, launched, ready.nanos());
      } catch (RuntimeException e) {
        process.destroyForcibly();
        throw new IllegalStateException("moto did not start (log: " + log + "): " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start moto with " + python, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public String name() {
    return "moto " + version;
  }

  public String version() {
    return version;
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  public long launchedNanos() {
    return launchedNanos;
  }

  /** From launch to Werkzeug's "Running on" line. */
  public Duration readyAfter() {
    return Duration.ofNanos(readyNanos - launchedNanos);
  }

  /** Waits up to {@code duration} while moto keeps running (an idle period before a measurement). */
  public void idle(Duration duration) {
    try {
      if (process.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("moto exited with " + process.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while idle", e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
