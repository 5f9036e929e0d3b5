package dev.ecsemulator.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java Flight Recorder recording of a running JVM, started and stopped with {@code jcmd}, so a profile covers
 * only the part of a benchmark it should (after warm-up, during the measured load). CPU samples every millisecond
 * (the profile settings' default is 10 to 20 ms, too coarse for short runs). Summarize the file with
 * {@link JfrTopFrames}.
 */
public final class JfrRecording implements AutoCloseable {

  private final long pid;
  private final String name;
  private final Path file;

  private JfrRecording(long pid, String name, Path file) {
    this.pid = pid;
    this.name = name;
    this.file = file;
  }

  /** Starts recording JVM {@code pid} to {@code file}. */
  public static JfrRecording start(long pid, Path file) {
    String name = "bench-" + System.nanoTime();
    jcmd(pid, "JFR.start", "name=" + name, "settings=profile", "jdk.ExecutionSample#period=1ms",
        "filename=" + file);
    return new JfrRecording(pid, name, file);
  }

  public Path file() {
    return file;
  }

  /** Stops the recording and writes the file. */
  @Override
  public void close() {
    jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file);
  }

  private static void jcmd(long pid, String... command) {
    List<String> args = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
    args.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run jcmd", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running jcmd", e);
    }
  }
}
