package dev.ecsemulator.bench.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A running emulator jar started by {@link EmulatorLauncher}. {@link #close} asks it to remove every container and
 * network it created ({@code POST /_emulator/reset}), stops it (SIGTERM, then SIGKILL after 20 s) and deletes its
 * data directory; idempotent.
 */
public final class EmulatorProcess implements ServerProcess {

  private static final Pattern URL = Pattern.compile("ready at (http://\\S+)");

  private final Process process;
  private final URI endpoint;
  private final Path dataDir;
  private final Path log;
  private final long launchedNanos;
  private final long readyNanos;
  private boolean closed;

  EmulatorProcess(Process process, URI endpoint, Path dataDir, Path log, long launchedNanos, long readyNanos) {
    this.process = process;
    this.endpoint = endpoint;
    this.dataDir = dataDir;
    this.log = log;
    this.launchedNanos = launchedNanos;
    this.readyNanos = readyNanos;
  }

  static URI urlIn(String readyLine) {
    Matcher m = URL.matcher(readyLine);
    if (!m.find()) {
      throw new IllegalStateException("no URL in the ready line: " + readyLine);
    }
    return URI.create(m.group(1));
  }

  @Override
  public String name() {
    return "ecs-emulator";
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  /** {@link System#nanoTime()} just before the process was started. */
  public long launchedNanos() {
    return launchedNanos;
  }

  /** From launch to the "ready at" line on its standard output. */
  public Duration readyAfter() {
    return Duration.ofNanos(readyNanos - launchedNanos);
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits up to {@code duration} while the emulator keeps running (for an idle period before a measurement).
   *
   * @throws IllegalStateException when it exits meanwhile
   */
  public void idle(Duration duration) {
    try {
      if (process.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the emulator exited with " + process.exitValue() + "; see " + log);
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
    try {
      if (process.isAlive()) {
        reset();
      }
    } finally {
      stop();
      deleteRecursively(dataDir);
    }
  }

  private void reset() {
    try {
      HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(endpoint.resolve("/_emulator/reset")).timeout(Duration.ofSeconds(120))
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // best effort: the emulator is stopped next either way
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stop() {
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

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
